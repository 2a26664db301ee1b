// Field encryption and the phone blind index (persistence/crypto): values round-trip, name
// their key, refuse to open under another tenant or column or after tampering, survive key
// rotation, and a missing key is an error — never garbage.
#include "persistence/crypto/field_cipher.hpp"
#include "persistence/crypto/keyring.hpp"

#include <catch2/catch.hpp>

using namespace askpro;
using namespace askpro::persistence;

namespace {

keyring keys_with(const std::vector<std::string>& ids) {
  std::vector<std::string> entries;
  std::string blind;
  for (const auto& id : ids) {
    auto fresh = keyring::generate(id);
    REQUIRE(fresh);
    entries.push_back(fresh->first);
    blind = fresh->second;
  }
  auto parsed = keyring::parse(entries, blind);
  REQUIRE(parsed);
  return *parsed;
}

}  // namespace

TEST_CASE("a sealed field opens with its tenant and column only", "[crypto]") {
  auto keys = keys_with({"k1"});
  const auto aad = field_aad(7, "customers.name");
  auto sealed = seal_field(keys, "Erika Mustermann", aad);
  REQUIRE(sealed);
  CHECK(sealed->rfind("enc1:k1:", 0) == 0);
  CHECK(sealed->find("Erika") == std::string::npos);
  CHECK(is_sealed(*sealed));
  CHECK(sealing_key(*sealed) == "k1");
  CHECK(*open_field(keys, *sealed, aad) == "Erika Mustermann");
  auto again = seal_field(keys, "Erika Mustermann", aad);
  CHECK(*again != *sealed);  // a fresh nonce per value
  CHECK(code_of(open_field(keys, *sealed, field_aad(8, "customers.name")).error()) ==
        errc::storage);
  CHECK_FALSE(open_field(keys, *sealed, field_aad(7, "customers.email")));
  auto tampered = *sealed;
  tampered[tampered.size() - 6] = tampered[tampered.size() - 6] == 'A' ? 'B' : 'A';
  CHECK_FALSE(open_field(keys, tampered, aad));
  auto empty = seal_field(keys, "", aad);
  REQUIRE(empty);
  CHECK(*open_field(keys, *empty, aad) == "");
  CHECK_FALSE(is_sealed("+4915112345678"));
}

TEST_CASE("rotation: the first key seals, every key opens, a missing key is an error", "[crypto]") {
  auto k1 = keyring::generate("k1");
  auto k2 = keyring::generate("k2");
  REQUIRE(k1);
  REQUIRE(k2);
  auto before = keyring::parse({k1->first}, k1->second);
  auto rotated = keyring::parse({k2->first, k1->first}, k1->second);
  auto only_new = keyring::parse({k2->first}, k1->second);
  REQUIRE(before);
  REQUIRE(rotated);
  REQUIRE(only_new);
  const std::string aad = "1/calls.transcript";
  auto old_value = seal_field(*before, "transcript words", aad);
  REQUIRE(old_value);
  CHECK(*open_field(*rotated, *old_value, aad) == "transcript words");
  auto new_value = seal_field(*rotated, "transcript words", aad);
  CHECK(sealing_key(*new_value) == "k2");
  auto missing = open_field(*only_new, *old_value, aad);
  REQUIRE_FALSE(missing);
  CHECK(detail_of(missing.error()).find("key 'k1' is not configured") != std::string::npos);
  // The blind index depends on the blind key only, so rotation keeps phone lookups.
  CHECK(phone_index(*before, 1, "+4930123") == phone_index(*rotated, 1, "+4930123"));
}

TEST_CASE("the phone blind index is keyed and scoped to the tenant", "[crypto]") {
  auto keys = keys_with({"k1"});
  auto other = keys_with({"k1"});
  const auto a = phone_index(keys, 1, "+4915112345678");
  CHECK(a.size() == 64);
  CHECK(a == phone_index(keys, 1, "+4915112345678"));
  CHECK(a != phone_index(keys, 2, "+4915112345678"));
  CHECK(a != phone_index(keys, 1, "+4915112345679"));
  CHECK(a != phone_index(other, 1, "+4915112345678"));
  CHECK(a.find("15112345678") == std::string::npos);
}

TEST_CASE("keyring configuration errors name the entry, never the key", "[crypto]") {
  auto good = keyring::generate("k1");
  REQUIRE(good);
  CHECK(keyring::parse({good->first}, good->second));
  auto no_id = keyring::parse({good->first.substr(3)}, good->second);
  REQUIRE_FALSE(no_id);
  CHECK(detail_of(no_id.error()).find("security.encryption_keys[0]") != std::string::npos);
  auto short_key = keyring::parse({"k1:c2hvcnQ="}, good->second);
  REQUIRE_FALSE(short_key);
  CHECK(detail_of(short_key.error()).find("c2hvcnQ") == std::string::npos);
  CHECK_FALSE(keyring::parse({good->first, good->first}, good->second));  // repeated id
  CHECK_FALSE(keyring::parse({}, good->second));
  CHECK_FALSE(keyring::parse({good->first}, "not base64!"));
  auto bytes = from_base64("aGVsbG8=");
  REQUIRE(bytes);
  CHECK(std::string(bytes->begin(), bytes->end()) == "hello");
}
