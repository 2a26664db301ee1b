#pragma once
/// Digests the persistence layer derives names and chains from. Thread-safety: pure functions.

#include <cstddef>
#include <string>

namespace askpro::persistence {

/// Lower-case hex of `n` bytes.
std::string to_hex(const unsigned char* bytes, std::size_t n);

/// Lower-case hex SHA-256 of `text`.
std::string sha256_hex(const std::string& text);

}  // namespace askpro::persistence
