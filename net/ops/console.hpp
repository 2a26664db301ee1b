#pragma once
/// The ops console page (SPEC S12): net/ops/console.html — HTML, CSS and JavaScript in one file,
/// embedded into the binary at build time (cmake/embed_file.cmake); no external resources.
/// Thread-safety: immutable static data. Errors: none.

#include <string_view>

namespace askpro::net::ops {

std::string_view console_page();

}  // namespace askpro::net::ops
