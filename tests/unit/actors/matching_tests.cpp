// Service and staff matching of what a caller said.
#include "actors/booking/matching.hpp"

#include <catch2/catch.hpp>

using namespace askpro::actors::booking;

namespace {

service make(std::string slug, std::string name, std::vector<std::string> synonyms) {
  service s;
  s.slug = std::move(slug);
  s.name = std::move(name);
  s.synonyms = std::move(synonyms);
  return s;
}

const std::vector<service> catalogue = {
    make("herrenhaarschnitt", "Herrenhaarschnitt", {"Haarschnitt Herren"}),
    make("damenhaarschnitt", "Damenhaarschnitt", {"Haarschnitt Damen"}),
    make("faerben", "Färben", {"Haare färben", "Coloration"}),
    make("foehnen", "Föhnen", {"Styling"}),
    make("bartpflege", "Bartpflege", {"Bart trimmen", "Rasur"}),
    make("strassen-look", "Straßen-Look", {}),
};

std::string slug_of(std::string_view said) {
  auto found = match_service(catalogue, said);
  return found ? (*found)->slug : "error: " + askpro::describe(found.error());
}

}  // namespace

TEST_CASE("normalize_label folds case, umlauts and punctuation", "[matching]") {
  CHECK(normalize_label("  Färben! ") == "faerben");
  CHECK(normalize_label("ÖL-Behandlung") == "oel behandlung");
  CHECK(normalize_label("Straße") == "strasse");
  CHECK(normalize_label("ÜBER") == "ueber");
  CHECK(normalize_label("  ") == "");
}

TEST_CASE("services match by slug, name and synonym in any case", "[matching]") {
  CHECK(slug_of("herrenhaarschnitt") == "herrenhaarschnitt");
  CHECK(slug_of("HERRENHAARSCHNITT") == "herrenhaarschnitt");
  CHECK(slug_of("  Damenhaarschnitt ") == "damenhaarschnitt");
  CHECK(slug_of("haarschnitt herren") == "herrenhaarschnitt");
  CHECK(slug_of("coloration") == "faerben");
  CHECK(slug_of("strassen-look") == "strassen-look");
}

TEST_CASE("umlauts match both ways and without dots", "[matching]") {
  CHECK(slug_of("Färben") == "faerben");
  CHECK(slug_of("Faerben") == "faerben");
  CHECK(slug_of("farben") == "faerben");
  CHECK(slug_of("fohnen") == "foehnen");
  CHECK(slug_of("FOEHNEN") == "foehnen");
  CHECK(slug_of("haare faerben") == "faerben");
  CHECK(slug_of("Strassen Look") == "strassen-look");
  CHECK(slug_of("Straßen-Look") == "strassen-look");
}

TEST_CASE("extra words around a service still match", "[matching]") {
  CHECK(slug_of("einen Herrenhaarschnitt bitte") == "herrenhaarschnitt");
  CHECK(slug_of("ich möchte gern meine Haare färben lassen") == "faerben");
  CHECK(slug_of("Bart") == "bartpflege");  // part of a label
}

TEST_CASE("unknown services are not_found, unclear ones a conflict with candidates", "[matching]") {
  auto none = match_service(catalogue, "Maniküre");
  REQUIRE_FALSE(none);
  CHECK(askpro::code_of(none.error()) == askpro::errc::not_found);
  CHECK_FALSE(match_service(catalogue, ""));
  CHECK_FALSE(match_service(catalogue, "ab"));
  auto unclear = match_service(catalogue, "Haarschnitt");
  REQUIRE_FALSE(unclear);
  CHECK(askpro::code_of(unclear.error()) == askpro::errc::conflict);
  CHECK(askpro::detail_of(unclear.error()) == "ambiguous: herrenhaarschnitt, damenhaarschnitt");
  CHECK(service_candidates(catalogue, "Haarschnitt") == std::vector<std::size_t>{0, 1});
}

TEST_CASE("an exact match wins over a partial one", "[matching]") {
  auto list = catalogue;
  list.push_back(make("bart", "Bart", {}));
  auto found = match_service(list, "bart");
  REQUIRE(found);
  CHECK((*found)->slug == "bart");
}

TEST_CASE("staff match by slug or name", "[matching]") {
  std::vector<staff_member> staff(2);
  staff[0].slug = "anna";
  staff[0].name = "Anna Schröder";
  staff[1].slug = "joerg";
  staff[1].name = "Jörg Klein";
  auto anna = match_staff(staff, "bei Anna");
  REQUIRE(anna);
  CHECK((*anna)->slug == "anna");
  auto joerg = match_staff(staff, "Jörg");
  REQUIRE(joerg);
  CHECK((*joerg)->slug == "joerg");
  auto jorg = match_staff(staff, "jorg klein");
  REQUIRE(jorg);
  CHECK((*jorg)->slug == "joerg");
  CHECK(askpro::code_of(match_staff(staff, "Kevin").error()) == askpro::errc::not_found);
}
