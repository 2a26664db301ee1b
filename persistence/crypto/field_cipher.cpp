#include "persistence/crypto/field_cipher.hpp"

#include "persistence/digest.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <memory>
#include <vector>

namespace askpro::persistence {
namespace {

constexpr std::string_view prefix = "enc1:";
constexpr int nonce_len = 12;
constexpr int tag_len = 16;

using ctx_ptr = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytes_of(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

caf::error unreadable(const std::string& why) {
  return make_error(errc::storage, "an encrypted field cannot be read: " + why);
}

/// Runs GCM over `in` (encrypting or decrypting) with `key`, `nonce` and `aad`.
bool gcm(bool encrypt, const key_bytes& key, const unsigned char* nonce, std::string_view aad,
         const unsigned char* in, int in_len, unsigned char* out, unsigned char* tag) {
  ctx_ptr ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  int len = 0;
  if (!ctx || EVP_CipherInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), nonce,
                                encrypt ? 1 : 0) != 1)
    return false;
  if (EVP_CipherUpdate(ctx.get(), nullptr, &len, bytes_of(aad), static_cast<int>(aad.size())) != 1)
    return false;
  if (in_len > 0 && EVP_CipherUpdate(ctx.get(), out, &len, in, in_len) != 1) return false;
  if (!encrypt && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, tag_len, tag) != 1)
    return false;
  if (EVP_CipherFinal_ex(ctx.get(), out + (in_len > 0 ? len : 0), &len) != 1) return false;
  return !encrypt || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, tag_len, tag) == 1;
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
  unsigned int len = 0;
  HMAC(EVP_sha256(), keys.blind_key().data(), static_cast<int>(keys.blind_key().size()),
       bytes_of(message), message.size(), digest, &len);
  return to_hex(digest, len);
}

}  // namespace askpro::persistence
