#include "actors/booking/matching.hpp"

#include <algorithm>
#include <cctype>

namespace askpro::actors::booking {
namespace {

/// The ASCII replacement of a two-byte UTF-8 letter we fold, or nullptr.
const char* fold_utf8(unsigned char lead, unsigned char next) {
  if (lead == 0xC3) {
    switch (next) {
      case 0xA4:
      case 0x84:
        return "ae";  // ä Ä
      case 0xB6:
      case 0x96:
        return "oe";  // ö Ö
      case 0xBC:
      case 0x9C:
        return "ue";  // ü Ü
      case 0x9F:
        return "ss";  // ß
      case 0xA9:
      case 0x89:
      case 0xA8:
      case 0x88:
        return "e";  // é É è È
      case 0xA1:
      case 0xA0:
      case 0xA2:
        return "a";  // á à â
      default:
        return nullptr;
    }
  }
  return nullptr;
}

void add_break(std::string& out) {
  if (!out.empty() && out.back() != ' ') out.push_back(' ');
}

/// ae/oe/ue → a/o/u on an already normalised label.
std::string fold_vowels(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out.push_back(text[i]);
    bool vowel = text[i] == 'a' || text[i] == 'o' || text[i] == 'u';
    if (vowel && i + 1 < text.size() && text[i + 1] == 'e') ++i;
  }
  return out;
}

bool contains_words(const std::string& text, const std::string& label) {
  if (label.empty()) return false;
  std::string padded_text = " " + text + " ";
  return padded_text.find(" " + label + " ") != std::string::npos;
}

/// Normalised labels of one candidate.
using labels = std::vector<std::string>;

labels service_labels(const service& s) {
  labels out{normalize_label(s.slug), normalize_label(s.name)};
  for (const auto& syn : s.synonyms) out.push_back(normalize_label(syn));
  return out;
}

using level_test = bool (*)(const std::string& said, const std::string& label);

bool exact(const std::string& said, const std::string& label) {
  return said == label;
}
bool folded(const std::string& said, const std::string& label) {
  return fold_vowels(said) == fold_vowels(label);
}
bool words(const std::string& said, const std::string& label) {
  return contains_words(fold_vowels(said), fold_vowels(label));
}
bool part(const std::string& said, const std::string& label) {
  return said.size() >= 4 && fold_vowels(label).find(fold_vowels(said)) != std::string::npos;
}

std::vector<std::size_t> candidates(const std::vector<labels>& all, std::string_view said) {
  const std::string text = normalize_label(said);
  if (text.empty()) return {};
  for (level_test test : {exact, folded, words, part}) {
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < all.size(); ++i) {
      bool hit = std::any_of(all[i].begin(), all[i].end(),
                             [&](const std::string& l) { return test(text, l); });
      if (hit) found.push_back(i);
    }
    if (!found.empty()) return found;
  }
  return {};
}

template <class T>
Result<const T*> pick(const std::vector<T>& items, const std::vector<std::size_t>& found,
                      const char* what) {
  if (found.empty()) return make_error(errc::not_found, std::string{"no matching "} + what);
  if (found.size() == 1) return &items[found.front()];
  std::string detail = "ambiguous:";
  for (std::size_t i = 0; i < found.size(); ++i)
    detail += (i == 0 ? " " : ", ") + items[found[i]].slug;
  return make_error(errc::conflict, detail);
}

}  // namespace

std::string normalize_label(std::string_view text) {
  return normalize_label(text, {});
}

std::string normalize_label(std::string_view text, std::string_view keep) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (std::isalnum(c) || (c != ' ' && keep.find(static_cast<char>(c)) != keep.npos))
        out.push_back(static_cast<char>(std::tolower(c)));
      else
        add_break(out);
      continue;
    }
    const char* folded_letter =
        i + 1 < text.size() ? fold_utf8(c, static_cast<unsigned char>(text[i + 1])) : nullptr;
    if (folded_letter) {
      out += folded_letter;
      ++i;
    } else {
      add_break(out);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::size_t> service_candidates(const std::vector<service>& services,
                                            std::string_view said) {
  std::vector<labels> all;
  all.reserve(services.size());
  for (const auto& s : services) all.push_back(service_labels(s));
  return candidates(all, said);
}

Result<const service*> match_service(const std::vector<service>& services, std::string_view said) {
  return pick(services, service_candidates(services, said), "service");
}

Result<const staff_member*> match_staff(const std::vector<staff_member>& staff,
                                        std::string_view said) {
  std::vector<labels> all;
  all.reserve(staff.size());
  for (const auto& m : staff) all.push_back({normalize_label(m.slug), normalize_label(m.name)});
  return pick(staff, candidates(all, said), "staff member");
}

}  // namespace askpro::actors::booking
