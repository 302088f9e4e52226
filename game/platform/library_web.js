// library_web.js - Emscripten JS library overrides for the web build (linked with --js-library).
//
// The game is built with -sFILESYSTEM=0: it loads files with fetch() (platform_web.c js_fetch) and
// never opens one, so Emscripten's virtual file system (about 13 kB of JavaScript, gzipped)
// stays out. Only SDL2_image's IMG_Load(file) refers to the file system, through these two
// "preloaded image" helpers. The web build calls no SDL_image function now (the browser decodes
// PNG and JPEG and draws SVG, platform_web.c plat_decode_image), so nothing reaches them; they stay
// so that an IMG_ call added later cannot bring the file system back unnoticed (they answer "none").
mergeInto(LibraryManager.library, {
  emscripten_get_preloaded_image_data__deps: [],
  emscripten_get_preloaded_image_data: function() { return 0; },
  emscripten_get_preloaded_image_data_from_FILE__deps: [],
  emscripten_get_preloaded_image_data_from_FILE: function() { return 0; },
});
