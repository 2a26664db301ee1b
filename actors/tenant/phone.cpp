#include "actors/tenant/phone.hpp"

#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace askpro::actors::tenant {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

Result<std::string> to_e164(std::string_view input, std::string_view default_region) {
  const auto* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  auto rc = util->Parse(std::string{trim(input)}, std::string{default_region}, &number);
  if (rc != PhoneNumberUtil::NO_PARSING_ERROR)
    return make_error(errc::invalid_argument, "not a phone number");
  if (!util->IsValidNumber(number))
    return make_error(errc::invalid_argument, "not a valid phone number");
  std::string out;
  util->Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

bool known_region(std::string_view region) {
  if (region.size() != 2 || !std::isupper(static_cast<unsigned char>(region[0])) ||
      !std::isupper(static_cast<unsigned char>(region[1])))
    return false;
  return PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(std::string{region}) != 0;
}

bool is_suppressed_caller(std::optional<std::string_view> from_number) {
  if (!from_number) return true;
  auto text = trim(*from_number);
  if (text.empty()) return true;
  static constexpr std::array<std::string_view, 8> hidden = {
      "anonymous", "unknown",     "private",    "restricted",
      "withheld",  "unavailable", "+266696687", "266696687"};
  return std::any_of(hidden.begin(), hidden.end(),
                     [&](std::string_view h) { return iequals(text, h); });
}

}  // namespace askpro::actors::tenant
