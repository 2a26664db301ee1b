#include "persistence/mysql/mysql_statement.hpp"

#include <cppconn/datatype.h>
#include <cppconn/parameter_metadata.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>

#include <iterator>
#include <sstream>
#include <string>

namespace askpro::persistence::mysql {
namespace {

void bind_one(sql::PreparedStatement& ps, unsigned index, const value& v, blob_streams& streams) {
  switch (v.type()) {
    case value_type::null:
      ps.setNull(index, sql::DataType::SQLNULL);
      break;
    case value_type::integer:
      ps.setInt64(index, *v.if_integer());
      break;
    case value_type::real:
      ps.setDouble(index, *v.if_real());
      break;
    case value_type::text:
      ps.setString(index, sql::SQLString{*v.if_text()});
      break;
    case value_type::blob: {
      const auto& b = *v.if_blob();
      streams.push_back(std::make_unique<std::istringstream>(std::string(b.begin(), b.end())));
      ps.setBlob(index, streams.back().get());
      break;
    }
  }
}

enum class category { integer, real, text, blob };

category category_of(int type) {
  switch (type) {
    case sql::DataType::BIT:
    case sql::DataType::TINYINT:
    case sql::DataType::SMALLINT:
    case sql::DataType::MEDIUMINT:
    case sql::DataType::INTEGER:
    case sql::DataType::BIGINT:
    case sql::DataType::YEAR:
      return category::integer;
    case sql::DataType::REAL:
    case sql::DataType::DOUBLE:
      return category::real;
    case sql::DataType::BINARY:
    case sql::DataType::VARBINARY:
    case sql::DataType::LONGVARBINARY:
    case sql::DataType::GEOMETRY:
      return category::blob;
    default:  // DECIMAL stays exact as text; dates, enums, JSON, strings
      return category::text;
  }
}

value read_blob(sql::ResultSet& rs, uint32_t i) {
  std::unique_ptr<std::istream> in{rs.getBlob(i)};
  if (!in) return value{bytes{}};
  std::string data{std::istreambuf_iterator<char>(*in), std::istreambuf_iterator<char>()};
  return value{to_bytes(data)};
}

value read_value(sql::ResultSet& rs, uint32_t i, category c) {
  if (rs.isNull(i)) return value{};
  switch (c) {
    case category::integer:
      return value{static_cast<int64_t>(rs.getInt64(i))};
    case category::real:
      return value{static_cast<double>(rs.getDouble(i))};
    case category::blob:
      return read_blob(rs, i);
    case category::text:
      break;
  }
  return value{rs.getString(i).asStdString()};
}

}  // namespace

bool bind_values(sql::PreparedStatement& ps, const std::vector<value>& binds,
                 blob_streams& streams) {
  if (ps.getParameterMetaData()->getParameterCount() != static_cast<int>(binds.size()))
    return false;
  ps.clearParameters();
  for (std::size_t i = 0; i < binds.size(); ++i)
    bind_one(ps, static_cast<unsigned>(i + 1), binds[i], streams);
  return true;
}

result_set read_rows(sql::ResultSet& rs) {
  auto* meta = rs.getMetaData();
  auto n = meta->getColumnCount();
  auto names = std::make_shared<std::vector<std::string>>();
  std::vector<category> categories;
  for (unsigned i = 1; i <= n; ++i) {
    names->push_back(meta->getColumnLabel(i).asStdString());
    categories.push_back(category_of(meta->getColumnType(i)));
  }
  std::vector<row> rows;
  while (rs.next()) {
    std::vector<value> values;
    values.reserve(n);
    for (unsigned i = 1; i <= n; ++i) values.push_back(read_value(rs, i, categories[i - 1]));
    rows.emplace_back(names, std::move(values));
  }
  return result_set{std::move(names), std::move(rows)};
}

}  // namespace askpro::persistence::mysql
