// The security section: CIDR lists from the file (TOML arrays) and the environment (commas).
#include "config/loader.hpp"
#include "runtime/cidr.hpp"

#include <catch2/catch.hpp>

using namespace askpro;

TEST_CASE("security CIDR lists load from the file and the environment", "[config][security]") {
  auto s = config::load_text(
      "[security]\nretell_allowlist = [\"100.20.5.228/32\", \"2001:db8::/32\"]\n"
      "trusted_proxies = [\"10.0.0.0/8\"]\n",
      {{"ASKPRO_SECURITY_STRIPE_ALLOWLIST", "3.18.12.63, 3.130.192.231/32"}});
  REQUIRE(s);
  CHECK(s->security.retell_allowlist ==
        std::vector<std::string>{"100.20.5.228/32", "2001:db8::/32"});
  CHECK(s->security.trusted_proxies == std::vector<std::string>{"10.0.0.0/8"});
  CHECK(s->security.stripe_allowlist == std::vector<std::string>{"3.18.12.63", "3.130.192.231/32"});
  CHECK(s->security.calcom_allowlist.empty());
}

TEST_CASE("a bad CIDR or a list of numbers is refused naming the key", "[config][security]") {
  auto bad = config::load_text("[security]\nretell_allowlist = [\"10.0.0.0/33\"]\n", {});
  REQUIRE_FALSE(bad);
  CHECK(detail_of(bad.error()).find("security.retell_allowlist") != std::string::npos);
  CHECK(detail_of(bad.error()).find("10.0.0.0/33") != std::string::npos);
  auto numbers = config::load_text("[security]\ntrusted_proxies = [1, 2]\n", {});
  REQUIRE_FALSE(numbers);
  CHECK(detail_of(numbers.error()).find("security.trusted_proxies") != std::string::npos);
  auto env = config::load_text("", {{"ASKPRO_SECURITY_CALCOM_ALLOWLIST", "example.com"}});
  REQUIRE_FALSE(env);
  CHECK(detail_of(env.error()).find("example.com") != std::string::npos);
}

TEST_CASE("CIDR ranges match IPv4, IPv6 and IPv4-mapped addresses", "[config][security]") {
  auto list = runtime::cidr_list::parse({"10.1.0.0/16", "192.0.2.7", "2001:db8::/32"});
  REQUIRE(list);
  CHECK(list->contains("10.1.200.3"));
  CHECK_FALSE(list->contains("10.2.0.1"));
  CHECK(list->contains("192.0.2.7"));
  CHECK(list->contains("::ffff:192.0.2.7"));
  CHECK_FALSE(list->contains("192.0.2.8"));
  CHECK(list->contains("2001:db8:ffff::1"));
  CHECK_FALSE(list->contains("2001:db9::1"));
  CHECK_FALSE(list->contains("not an address"));
  auto all = runtime::cidr_list::parse({"0.0.0.0/0"});
  REQUIRE(all);
  CHECK(all->contains("203.0.113.1"));
  CHECK_FALSE(all->contains("2001:db8::1"));  // an IPv4 range holds no IPv6 address
  CHECK_FALSE(runtime::parse_cidr("10.0.0.0/"));
  CHECK_FALSE(runtime::parse_cidr("::/129"));
}
