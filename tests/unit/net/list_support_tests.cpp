// Cursors, limits, field selection and ETags of the tenant API's lists.
#include "net/api/list_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace askpro::net::api;
using askpro::detail_of;

TEST_CASE("cursors round-trip and are URL-safe", "[list]") {
  for (cursor_key key : {cursor_key{0, 1}, cursor_key{1'799'053'200'000, 42},
                         cursor_key{-5, 9'007'199'254'740'993}}) {
    auto token = encode_cursor(key);
    CHECK(token.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                  "0123456789-_") == std::string::npos);
    auto back = decode_cursor(token);
    REQUIRE(back);
    CHECK(*back == key);
  }
}

TEST_CASE("tampered or foreign cursors are refused", "[list]") {
  auto token = encode_cursor({100, 7});
  for (std::string bad : {std::string{}, std::string{"!!!"}, token.substr(0, token.size() - 3),
                          std::string{"YWJj"} /* "abc" */, std::string(300, 'A'), token + "%"}) {
    INFO(bad);
    auto r = decode_cursor(bad);
    REQUIRE_FALSE(r);
    CHECK(detail_of(r.error()) == "invalid cursor");
  }
}

TEST_CASE("limit is bounded to 1..200", "[list]") {
  CHECK(*parse_limit(std::nullopt) == 50);
  CHECK(*parse_limit(std::string{"1"}) == 1);
  CHECK(*parse_limit(std::string{"200"}) == 200);
  for (const char* bad : {"0", "201", "-3", "ten", "", "5x"}) {
    INFO(bad);
    CHECK_FALSE(parse_limit(std::string{bad}));
  }
}

TEST_CASE("fields keep the listed keys and the id", "[list]") {
  auto item = nlohmann::json::parse(R"({"id":3,"start":"s","end":"e","status":"booked"})");
  keep_fields(item, parse_fields(" start , status,,"));
  CHECK(item == nlohmann::json::parse(R"({"id":3,"start":"s","status":"booked"})"));
  auto all = nlohmann::json::parse(R"({"id":3,"start":"s"})");
  keep_fields(all, parse_fields(""));
  CHECK(all.size() == 2);
}

TEST_CASE("ETags follow the body and match If-None-Match forms", "[list]") {
  auto a = etag_of(R"({"data":[]})");
  auto b = etag_of(R"({"data":[1]})");
  CHECK(a != b);
  CHECK(a == etag_of(R"({"data":[]})"));
  CHECK(a.size() == 34);
  CHECK(etag_matches(a, a));
  CHECK(etag_matches("W/" + a, a));
  CHECK(etag_matches("\"other\", " + a, a));
  CHECK(etag_matches("*", a));
  CHECK_FALSE(etag_matches(b, a));
  CHECK_FALSE(etag_matches("", a));
}
