#pragma once
/// The data keys of the test suites: fixed, so that every connection, node and server process
/// of a test (and a MariaDB shared by two processes) seals and indexes alike.
/// Thread-safety: immutable.

#include <memory>
#include <string>

namespace askpro::persistence {
class keyring;
}

namespace askpro::test {

/// `security.encryption_keys` entry and `security.blind_index_key` of the tests.
inline constexpr const char* test_field_key = "test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
inline constexpr const char* test_blind_key = "ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=";

std::shared_ptr<const persistence::keyring> test_data_keys();

/// The same keys as a `[security]` TOML block for a server process's config.
std::string test_keys_toml();

}  // namespace askpro::test
