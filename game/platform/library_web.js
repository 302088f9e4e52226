// library_web.js - Emscripten JS library overrides for the web build (linked with --js-library).
//
// The game is built with -sFILESYSTEM=0: it loads files with fetch() (platform_web.c js_fetch) and
// never opens one, so Emscripten's virtual file system (about 13 kB of JavaScript, gzipped)
// stays out. Only SDL2_image's IMG_Load(file) refers to the file system, through these two
// "preloaded image" helpers; the game loads from memory (IMG_LoadSVG_RW; PNG and JPEG are decoded by
// the browser, platform_web.c), so they answer "none".
mergeInto(LibraryManager.library, {
  emscripten_get_preloaded_image_data__deps: [],
  emscripten_get_preloaded_image_data: function() { return 0; },
  emscripten_get_preloaded_image_data_from_FILE__deps: [],
  emscripten_get_preloaded_image_data_from_FILE: function() { return 0; },
});
