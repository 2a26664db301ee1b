#include "runtime/error.hpp"

#include <caf/message.hpp>
#include <caf/sec.hpp>

namespace askpro {

const char* to_string(errc code) {
  switch (code) {
    case errc::not_found:
      return "not_found";
    case errc::slot_taken:
      return "slot_taken";
    case errc::calendar_unavailable:
      return "calendar_unavailable";
    case errc::invalid_argument:
      return "invalid_argument";
    case errc::unauthorized:
      return "unauthorized";
    case errc::forbidden:
      return "forbidden";
    case errc::conflict:
      return "conflict";
    case errc::timeout:
      return "timeout";
    case errc::storage:
      return "storage";
    case errc::unavailable:
      return "unavailable";
    case errc::internal:
      return "internal";
    case errc::config:
      return "config";
  }
  return "unknown";
}

caf::error make_error(errc code, std::string detail) {
  return caf::error(static_cast<uint8_t>(code), error_category(),
                    caf::make_message(std::move(detail)));
}

std::optional<errc> code_of(const caf::error& err) {
  if (!err) return std::nullopt;
  if (err.category() == error_category()) return static_cast<errc>(err.code());
  if (err == caf::sec::request_timeout) return errc::timeout;
  return std::nullopt;
}

std::string describe(const caf::error& err) {
  if (!err) return "ok";
  if (err.category() == error_category()) {
    const auto& ctx = err.context();
    std::string out = to_string(static_cast<errc>(err.code()));
    if (ctx.match_elements<std::string>() && !ctx.get_as<std::string>(0).empty())
      out += ": " + ctx.get_as<std::string>(0);
    return out;
  }
  return caf::to_string(err);
}

std::string detail_of(const caf::error& err) {
  if (!err || err.category() != error_category()) return {};
  const auto& ctx = err.context();
  return ctx.match_elements<std::string>() ? ctx.get_as<std::string>(0) : std::string{};
}

std::string render_error(uint8_t code, caf::atom_value, const caf::message& context) {
  std::string out = to_string(static_cast<errc>(code));
  if (context.match_elements<std::string>()) out += ": " + context.get_as<std::string>(0);
  return out;
}

}  // namespace askpro
