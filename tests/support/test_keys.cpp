#include "tests/support/test_keys.hpp"

#include "persistence/crypto/keyring.hpp"

#include <stdexcept>

namespace askpro::test {

std::shared_ptr<const persistence::keyring> test_data_keys() {
  static const auto keys = [] {
    auto parsed = persistence::keyring::parse({test_field_key}, test_blind_key);
    if (!parsed) throw std::logic_error("the test keys do not parse");
    return std::make_shared<const persistence::keyring>(std::move(*parsed));
  }();
  return keys;
}

std::string test_keys_toml() {
  return std::string{"[security]\nencryption_keys = [\""} + test_field_key +
         "\"]\nblind_index_key = \"" + test_blind_key + "\"\n";
}

}  // namespace askpro::test
