#include "persistence/sql_text.hpp"

#include <cctype>

namespace askpro::persistence {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_blank(s[b])) ++b;
  while (e > b && is_blank(s[e - 1])) --e;
  return s.substr(b, e - b);
}

class splitter {
 public:
  splitter(std::string_view script, const split_options& opts) : s_(script), opts_(opts) {}

  Result<std::vector<std::string>> run() {
    while (pos_ < s_.size()) {
      if (auto err = step()) return err;
    }
    flush();
    return std::move(out_);
  }

 private:
  caf::error step() {
    char c = s_[pos_];
    if ((c == 'D' || c == 'd') && between_statements() && delimiter_directive()) return {};
    if (starts_with(delimiter_)) {
      flush();
      pos_ += delimiter_.size();
    } else if (c == '\'' || c == '"' || c == '`') {
      if (!copy_quoted(c)) return make_error(errc::invalid_argument, "unterminated quote in SQL");
    } else if (starts_with("--") || (opts_.hash_comments && c == '#')) {
      while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      current_ += ' ';
    } else if (starts_with("/*")) {
      auto end = s_.find("*/", pos_ + 2);
      if (end == std::string_view::npos)
        return make_error(errc::invalid_argument, "unterminated comment in SQL");
      pos_ = end + 2;
      current_ += ' ';
    } else {
      current_ += c;
      ++pos_;
    }
    return {};
  }

  bool starts_with(std::string_view token) const { return s_.substr(pos_, token.size()) == token; }

  /// At the start of a line with nothing but whitespace collected for the current statement.
  bool between_statements() const {
    if (!trim(current_).empty()) return false;
    std::size_t i = pos_;
    while (i > 0 && (s_[i - 1] == ' ' || s_[i - 1] == '\t')) --i;
    return i == 0 || s_[i - 1] == '\n';
  }

  /// A line `DELIMITER x` switches the delimiter to x.
  bool delimiter_directive() {
    constexpr std::string_view keyword = "delimiter";
    if (s_.size() - pos_ <= keyword.size()) return false;
    for (std::size_t i = 0; i < keyword.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(s_[pos_ + i])) != keyword[i]) return false;
    if (s_[pos_ + keyword.size()] != ' ' && s_[pos_ + keyword.size()] != '\t') return false;
    auto eol = s_.find('\n', pos_);
    if (eol == std::string_view::npos) eol = s_.size();
    auto token = trim(std::string{s_.substr(pos_ + keyword.size(), eol - pos_ - keyword.size())});
    if (token.empty()) return false;
    flush();
    delimiter_ = token;
    pos_ = eol;
    return true;
  }

  bool copy_quoted(char quote) {
    current_ += s_[pos_++];
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      bool escape = opts_.backslash_escapes && c == '\\' && quote != '`';
      bool doubled = c == quote && pos_ + 1 < s_.size() && s_[pos_ + 1] == quote;
      if (escape || doubled) {
        if (pos_ + 1 >= s_.size()) return false;
        current_ += s_.substr(pos_, 2);
        pos_ += 2;
        continue;
      }
      current_ += c;
      ++pos_;
      if (c == quote) return true;
    }
    return false;
  }

  void flush() {
    auto stmt = trim(current_);
    if (!stmt.empty()) out_.push_back(std::move(stmt));
    current_.clear();
  }

  std::string_view s_;
  split_options opts_;
  std::size_t pos_ = 0;
  std::string delimiter_ = ";";
  std::string current_;
  std::vector<std::string> out_;
};

}  // namespace

Result<std::vector<std::string>> split_statements(std::string_view script,
                                                  const split_options& opts) {
  return splitter{script, opts}.run();
}

std::string sql_excerpt(std::string_view sql) {
  constexpr std::size_t limit = 80;
  std::string out;
  bool blank = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (is_blank(c)) {
      blank = !out.empty();
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += c;
    bool mid_character = i + 1 < sql.size() && (sql[i + 1] & 0xC0) == 0x80;  // UTF-8 tail
    if (out.size() >= limit && !mid_character) return out + "…";
  }
  return out;
}

}  // namespace askpro::persistence
