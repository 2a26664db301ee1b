// Pure helpers of net/http: bearer parsing, constant-time compare, request ids, status mapping.
#include "net/http/bearer.hpp"
#include "net/http/problem.hpp"
#include "net/http/request_id.hpp"

#include <caf/sec.hpp>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace askpro;
using namespace askpro::net::http;

TEST_CASE("bearer tokens are parsed from the Authorization header", "[http][bearer]") {
  CHECK(bearer_token("Bearer abc") == std::optional<std::string_view>("abc"));
  CHECK(bearer_token("bearer   abc  ") == std::optional<std::string_view>("abc"));
  CHECK_FALSE(bearer_token("Basic abc"));
  CHECK_FALSE(bearer_token("Bearer"));
  CHECK_FALSE(bearer_token("Bearer "));
  CHECK_FALSE(bearer_token("Bearerabc"));
  CHECK_FALSE(bearer_token(""));
}

TEST_CASE("bearer_matches needs the exact configured token", "[http][bearer]") {
  CHECK(bearer_matches("Bearer s3cret", "s3cret"));
  CHECK_FALSE(bearer_matches("Bearer s3cre", "s3cret"));
  CHECK_FALSE(bearer_matches("Bearer s3crett", "s3cret"));
  CHECK_FALSE(bearer_matches("Bearer S3cret", "s3cret"));
  CHECK_FALSE(bearer_matches("Bearer ", ""));
  CHECK_FALSE(bearer_matches("", ""));
  CHECK(constant_time_equal("", ""));
  CHECK_FALSE(constant_time_equal("a", "b"));
}

TEST_CASE("request ids are sane tokens", "[http][request-id]") {
  CHECK(is_sane_request_id("abc-DEF_1.2"));
  CHECK(is_sane_request_id(std::string(128, 'x')));
  CHECK_FALSE(is_sane_request_id(std::string(129, 'x')));
  CHECK_FALSE(is_sane_request_id(""));
  CHECK_FALSE(is_sane_request_id("a b"));
  CHECK_FALSE(is_sane_request_id("a\nb"));
  CHECK(choose_request_id("keep-me") == "keep-me");
  auto a = choose_request_id("no way");
  CHECK(a.size() == 32);
  CHECK(a != new_request_id());
}

TEST_CASE("error codes map to HTTP statuses", "[http][problem]") {
  CHECK(status_for(errc::not_found) == 404);
  CHECK(status_for(errc::slot_taken) == 409);
  CHECK(status_for(errc::conflict) == 409);
  CHECK(status_for(errc::invalid_argument) == 422);
  CHECK(status_for(errc::unauthorized) == 401);
  CHECK(status_for(errc::forbidden) == 403);
  CHECK(status_for(errc::timeout) == 504);
  CHECK(status_for(errc::unavailable) == 503);
  CHECK(status_for(errc::storage) == 503);
  CHECK(status_for(errc::internal) == 500);
}

TEST_CASE("problems keep client details and hide server details", "[http][problem]") {
  auto client = problem_for(make_error(errc::invalid_argument, "start is not a time"));
  CHECK(client.status == 422);
  CHECK(client.code == "invalid_argument");
  CHECK(client.detail == "start is not a time");

  auto server = problem_for(make_error(errc::internal, "null pointer in booking.cpp:42"));
  CHECK(server.status == 500);
  CHECK(server.detail.find("booking") == std::string::npos);

  auto foreign = problem_for(caf::make_error(caf::sec::unexpected_message));
  CHECK(foreign.status == 500);
  CHECK(foreign.code == "internal");
}

TEST_CASE("problem documents have the RFC 7807 members and field errors", "[http][problem]") {
  problem p = problem_for_status(422, "two fields are invalid");
  p.errors = {{"start", "not an ISO 8601 time"}, {"service", "unknown"}};
  auto doc = nlohmann::json::parse(to_json(p));
  CHECK(doc["type"] == "https://askpro.dev/problems/invalid_argument");
  CHECK(doc["title"] == "Unprocessable Entity");
  CHECK(doc["status"] == 422);
  CHECK(doc["detail"] == "two fields are invalid");
  CHECK(doc["code"] == "invalid_argument");
  REQUIRE(doc["errors"].size() == 2);
  CHECK(doc["errors"][0] ==
        nlohmann::json{{"field", "start"}, {"message", "not an ISO 8601 time"}});
}
