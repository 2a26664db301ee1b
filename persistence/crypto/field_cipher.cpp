#include "persistence/crypto/field_cipher.hpp"

#include "persistence/digest.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace askpro::persistence {
namespace {

constexpr std::string_view prefix = "enc1:";
constexpr int nonce_len = 12;
constexpr int tag_len = 16;

using ctx_ptr = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;
using mac_ctx_ptr = std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)>;

// OpenSSL 3 looks an algorithm up (under a lock) each time it is named by EVP_aes_256_gcm() or
// EVP_sha256(), and a fresh context costs an allocation: both took most of a short field's
// time. The algorithms are fetched once per process and each thread keeps its contexts.
const EVP_CIPHER* aes_256_gcm() {
  static EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
  return cipher;
}

/// A thread's context with its last key: the key schedule is kept while the key stays.
template <class Ctx>
struct keyed_context {
  Ctx ctx;
  key_bytes key{};
  bool keyed = false;

  /// True when `k` is the key the context holds already; else remembers it.
  bool holds(const key_bytes& k) {
    if (keyed && key == k) return true;
    key = k;
    keyed = true;
    return false;
  }
};

keyed_context<ctx_ptr>& cipher_context() {
  thread_local keyed_context<ctx_ptr> c{ctx_ptr(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free)};
  return c;
}

keyed_context<mac_ctx_ptr>& hmac_context() {
  static EVP_MAC* hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  thread_local keyed_context<mac_ctx_ptr> c{
      mac_ctx_ptr(hmac ? EVP_MAC_CTX_new(hmac) : nullptr, EVP_MAC_CTX_free)};
  return c;
}

/// Starts `c`'s HMAC-SHA256 with `key` (kept from the last use when it is the same).
bool start_hmac(keyed_context<mac_ctx_ptr>& c, const key_bytes& key) {
  if (!c.ctx) return false;
  if (c.holds(key)) return EVP_MAC_init(c.ctx.get(), nullptr, 0, nullptr) == 1;
  char sha256[] = "SHA256";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, sha256, 0),
                               OSSL_PARAM_END};
  if (EVP_MAC_init(c.ctx.get(), key.data(), key.size(), params) == 1) return true;
  c.keyed = false;
  return false;
}

/// Starts `c`'s GCM with `key` (its schedule kept when it is the same) and `nonce`.
bool start_gcm(keyed_context<ctx_ptr>& c, bool encrypt, const key_bytes& key,
               const unsigned char* nonce) {
  if (!c.ctx || !aes_256_gcm()) return false;
  const bool same = c.holds(key);
  if (EVP_CipherInit_ex(c.ctx.get(), same ? nullptr : aes_256_gcm(), nullptr,
                        same ? nullptr : key.data(), nonce, encrypt ? 1 : 0) == 1)
    return true;
  c.keyed = false;
  return false;
}

const unsigned char* bytes_of(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

caf::error unreadable(const std::string& why) {
  return make_error(errc::storage, "an encrypted field cannot be read: " + why);
}

/// Runs GCM over `in` (encrypting or decrypting) with `key`, `nonce` and `aad`.
bool gcm(bool encrypt, const key_bytes& key, const unsigned char* nonce, std::string_view aad,
         const unsigned char* in, int in_len, unsigned char* out, unsigned char* tag) {
  auto& c = cipher_context();
  if (!start_gcm(c, encrypt, key, nonce)) return false;
  auto* ctx = c.ctx.get();
  int len = 0;
  if (EVP_CipherUpdate(ctx, nullptr, &len, bytes_of(aad), static_cast<int>(aad.size())) != 1)
    return false;
  if (in_len > 0 && EVP_CipherUpdate(ctx, out, &len, in, in_len) != 1) return false;
  if (!encrypt && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, tag_len, tag) != 1) return false;
  if (EVP_CipherFinal_ex(ctx, out + (in_len > 0 ? len : 0), &len) != 1) return false;
  return !encrypt || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, tag_len, tag) == 1;
}

}  // namespace

std::string field_aad(int64_t company_id, std::string_view column) {
  return std::to_string(company_id) + "/" + std::string(column);
}

Result<std::string> seal_field(const keyring& keys, std::string_view plain, std::string_view aad) {
  const auto& key = keys.current();
  std::vector<unsigned char> blob(nonce_len + plain.size() + tag_len);
  if (RAND_bytes(blob.data(), nonce_len) != 1)
    return make_error(errc::internal, "no random bytes for a nonce");
  auto* tag = blob.data() + nonce_len + plain.size();
  if (!gcm(true, key.bytes, blob.data(), aad, bytes_of(plain), static_cast<int>(plain.size()),
           blob.data() + nonce_len, tag))
    return make_error(errc::internal, "field encryption failed");
  return std::string(prefix) + key.id + ":" + to_base64(blob.data(), blob.size());
}

Result<std::string> open_field(const keyring& keys, std::string_view sealed, std::string_view aad) {
  auto id = sealing_key(sealed);
  if (id.empty()) return unreadable("not a sealed value");
  const auto* key = keys.find(id);
  if (!key) return unreadable("key '" + std::string(id) + "' is not configured");
  auto blob = from_base64(sealed.substr(prefix.size() + id.size() + 1));
  if (!blob || blob->size() < nonce_len + tag_len) return unreadable("malformed value");
  const int text_len = static_cast<int>(blob->size()) - nonce_len - tag_len;
  std::string plain(static_cast<std::size_t>(text_len), '\0');
  if (!gcm(false, key->bytes, blob->data(), aad, blob->data() + nonce_len, text_len,
           reinterpret_cast<unsigned char*>(plain.data()), blob->data() + nonce_len + text_len))
    return unreadable("altered, or bound to another row or column");
  return plain;
}

bool is_sealed(std::string_view stored) {
  return !sealing_key(stored).empty();
}

std::string_view sealing_key(std::string_view stored) {
  if (stored.substr(0, prefix.size()) != prefix) return {};
  auto rest = stored.substr(prefix.size());
  auto colon = rest.find(':');
  return colon == std::string_view::npos ? std::string_view{} : rest.substr(0, colon);
}

std::string phone_index(const keyring& keys, int64_t company_id, std::string_view e164) {
  const auto message = std::to_string(company_id) + "/" + std::string(e164);
  unsigned char digest[EVP_MAX_MD_SIZE];
  std::size_t len = 0;
  auto& c = hmac_context();
  if (!start_hmac(c, keys.blind_key()) ||
      EVP_MAC_update(c.ctx.get(), bytes_of(message), message.size()) != 1 ||
      EVP_MAC_final(c.ctx.get(), digest, &len, sizeof digest) != 1)
    throw std::runtime_error("the blind index cannot be computed (OpenSSL HMAC failed)");
  return to_hex(digest, len);
}

}  // namespace askpro::persistence
