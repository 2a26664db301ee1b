// API token generation and hashing.
#include "actors/tenant/api_token.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace askpro::actors::tenant;

TEST_CASE("token_hash is the SHA-256 hex of the token", "[api_token]") {
  CHECK(token_hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(token_hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("make_token gives distinct prefixed base64url tokens of 32 random bytes", "[api_token]") {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    auto token = make_token();
    REQUIRE(token);
    CHECK(token->size() == token_prefix.size() + 43);
    CHECK(token->rfind("apk_", 0) == 0);
    CHECK(token->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                   "0123456789-_",
                                   token_prefix.size()) == std::string::npos);
    CHECK(token_hash(*token).size() == 64);
    seen.insert(*token);
  }
  CHECK(seen.size() == 50);
}
