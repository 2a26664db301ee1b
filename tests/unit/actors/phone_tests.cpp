// Phone numbers: E.164 normalisation and suppressed caller ids.
#include "actors/tenant/phone.hpp"

#include <catch2/catch.hpp>

using namespace askpro::actors::tenant;

TEST_CASE("German number formats normalise to one E.164", "[phone]") {
  for (const char* input : {"030 1234567", "+49 30 1234567", "0049301234567", "(030) 123-4567",
                            " +49 (0)30 1234567 ", "+49-30-1234567"}) {
    INFO(input);
    auto e164 = to_e164(input, "DE");
    REQUIRE(e164);
    CHECK(*e164 == "+49301234567");
  }
  auto mobile = to_e164("0151 23456789", "DE");
  REQUIRE(mobile);
  CHECK(*mobile == "+4915123456789");
}

TEST_CASE("the default region only applies to national forms", "[phone]") {
  auto vienna = to_e164("01 5123456", "AT");
  REQUIRE(vienna);
  CHECK(*vienna == "+4315123456");
  auto international = to_e164("+49 30 1234567", "AT");
  REQUIRE(international);
  CHECK(*international == "+49301234567");
}

TEST_CASE("invalid numbers are refused", "[phone]") {
  for (const char* input : {"", "12", "hello", "+49 30 1", "+1 555 0100", "030"}) {
    INFO(input);
    auto e164 = to_e164(input, "DE");
    REQUIRE_FALSE(e164);
    CHECK(askpro::code_of(e164.error()) == askpro::errc::invalid_argument);
  }
  CHECK_FALSE(to_e164("030 1234567", "XX"));
}

TEST_CASE("known_region accepts ISO codes libphonenumber knows", "[phone]") {
  CHECK(known_region("DE"));
  CHECK(known_region("AT"));
  CHECK_FALSE(known_region("de"));
  CHECK_FALSE(known_region("XX"));
  CHECK_FALSE(known_region("DEU"));
}

TEST_CASE("suppressed caller ids are recognised in any case", "[phone]") {
  CHECK(is_suppressed_caller(std::nullopt));
  for (const char* hidden : {"", "  ", "anonymous", "Anonymous", "UNKNOWN", "private", "Restricted",
                             "+266696687", "withheld"}) {
    INFO(hidden);
    CHECK(is_suppressed_caller(std::string_view{hidden}));
  }
  CHECK_FALSE(is_suppressed_caller(std::string_view{"+493012345678"}));
  CHECK_FALSE(is_suppressed_caller(std::string_view{"anonymous-ish"}));
}
