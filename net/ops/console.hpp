#pragma once
/// The ops console page (SPEC S12): net/ops/console.html with console.css and the console_*.js
/// scripts inlined at build time (cmake/inline_page.cmake), embedded into the binary
/// (cmake/embed_file.cmake): one page, no external resources.
/// Thread-safety: immutable static data. Errors: none.

#include <string_view>

namespace askpro::net::ops {

std::string_view console_page();

}  // namespace askpro::net::ops
