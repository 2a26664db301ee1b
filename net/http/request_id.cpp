#include "net/http/request_id.hpp"

#include <openssl/rand.h>

#include <array>
#include <random>

namespace askpro::net::http {
namespace {

constexpr std::size_t max_request_id_length = 128;

bool is_token_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

/// Fills `bytes` from OpenSSL's generator, or from a per-thread PRNG if it ever fails (ids are
/// for correlation, not for security).
void random_bytes(std::array<unsigned char, 16>& bytes) {
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) == 1) return;
  thread_local std::mt19937_64 gen{std::random_device{}()};
  for (auto& b : bytes) b = static_cast<unsigned char>(gen());
}

}  // namespace

bool is_sane_request_id(std::string_view id) {
  if (id.empty() || id.size() > max_request_id_length) return false;
  for (char c : id)
    if (!is_token_char(c)) return false;
  return true;
}

std::string new_request_id() {
  static constexpr char hex[] = "0123456789abcdef";
  std::array<unsigned char, 16> bytes{};
  random_bytes(bytes);
  std::string out;
  out.reserve(bytes.size() * 2);
  for (auto b : bytes) {
    out += hex[b >> 4];
    out += hex[b & 0x0f];
  }
  return out;
}

std::string choose_request_id(std::string_view incoming) {
  return is_sane_request_id(incoming) ? std::string(incoming) : new_request_id();
}

}  // namespace askpro::net::http
