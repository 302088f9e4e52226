# scorm.mk - the game as SCORM packages for an organisation's learning platform (issue 16,
# docs/lms.md), included from the Makefile.
#
# Each package is the built web game with web/scorm.js in place of report.js and an
# imsmanifest.xml listing every file. The linter runs first with --scorm: content whose resume
# state could exceed the version's cmi.suspend_data is refused, saying by how much.
# SCORM_LEVELS packs another levels folder (the browser tests pack tests/fixtures/e2e-game).

SCORM_LEVELS ?= levels
SCORM_ASSETS ?= assets

.PHONY: scorm
scorm: $(BUILD)/pakopeli-scorm12.zip $(BUILD)/pakopeli-scorm2004.zip ## SCORM 1.2 and 2004 packages: build/pakopeli-scorm12.zip, ...2004.zip

# web is phony (it always checks its parts), so the packages are always packed again: a second.
$(BUILD)/pakopeli-scorm12.zip: web $(LINT) $(SEAL) game/tools/scorm.mjs
	@$(LINT) --no-text --scorm 1.2 $(SCORM_LEVELS)
	@node game/tools/scorm.mjs --version 1.2 --seal $(SEAL) --levels $(SCORM_LEVELS) --assets $(SCORM_ASSETS) --out $@

$(BUILD)/pakopeli-scorm2004.zip: web $(LINT) $(SEAL) game/tools/scorm.mjs
	@$(LINT) --no-text --scorm 2004 $(SCORM_LEVELS)
	@node game/tools/scorm.mjs --version 2004 --seal $(SEAL) --levels $(SCORM_LEVELS) --assets $(SCORM_ASSETS) --out $@

# The browser tests host both packages in an LMS page (tests/e2e/scorm.test.mjs) and check the
# shipped ones carry the real content.
test-e2e: scorm
