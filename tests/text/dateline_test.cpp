#include "text/dateline.h"

#include <catch2/catch.hpp>

#include <string>

namespace kith {
namespace {

std::string DateOf(const std::string& text) { return DatelineDate(text, Span{0, text.size()}); }

TEST_CASE("Dateline: a dateline's date is the publication date", "[text]") {
  CHECK(DateOf("Scholar Dies\n\nDUSHANBE, November 9, 2022 (Central Asia Monitor) --\n\nHe died.\n") == "2022-11-09");
  CHECK(DateOf("Title\n\nALMATY, Kazakhstan, 3 March 2021 - Police detained five people.\n") == "2021-03-03");
  CHECK(DateOf("Title\nNUR-SULTAN, Sept. 14, 2021 \xE2\x80\x94 A court fined two women.\n") == "2021-09-14");
  CHECK(DateOf("ST. PETERSBURG, May 2, 2020 --\nText.\n") == "2020-05-02");
  CHECK(DateOf("Title\n\nAlmaty, March 3, 2021 -- Police detained five people.\n") == "2021-03-03");
  CHECK(DateOf("Title\nNur-Sultan, Kazakhstan, 3 March 2021 \xE2\x80\x94 A court fined two women.\n") == "2021-03-03");
  CHECK(DateOf("Title\n\nSIMFEROPOL, Crimea, Thursday 16 March 2023 \xE2\x80\x94 Officers detained three men.\n") ==
        "2023-03-16");
}

TEST_CASE("Dateline: a line that is only a date, perhaps with a time", "[text]") {
  CHECK(DateOf("Relatives Rally Again\n\nFebruary 22, 2021 12:37 GMT\n\nBy A Reporter\n") == "2021-02-22");
  CHECK(DateOf("Relatives Rally Again\n22 March 2021\nText.\n") == "2021-03-22");
  CHECK(DateOf("Title\nTuesday, February 22, 2022 12:37 GMT\n") == "2022-02-22");
  CHECK(DateOf("Title\nFeb. 22, 2021 at 12:37 p.m. EST\n") == "2021-02-22");
  CHECK(DateOf("Title\n2021-02-22\n") == "2021-02-22");
}

TEST_CASE("Dateline: a date after a label saying it is the article's", "[text]") {
  CHECK(DateOf("A Wife Waits\n\nPublished: 2021-10-14\n\nText.\n") == "2021-10-14");
  CHECK(DateOf("Title\nPosted on March 3, 2022 at 10:15\n") == "2022-03-03");
  CHECK(DateOf("Title\nFirst published 4 May 2021\n") == "2021-05-04");
  CHECK(DateOf("Title\ndate: 2020-01-31\n") == "2020-01-31");
  // A byline or another header field may follow.
  CHECK(DateOf("Title\nPosted on 12 March 2022 by admin\n") == "2022-03-12");
  CHECK(DateOf("Title\nPublished: March 12, 2022 | Updated: March 14, 2022\n") == "2022-03-12");
  CHECK(DateOf("Title\nPublished: March 12, 2022 police detained him\n").empty());
  // Not another label, and not a label in running text.
  CHECK(DateOf("Title\nUpdated: 2021-10-14\n").empty());
  CHECK(DateOf("Title\nPublished by the group on its site.\n").empty());
  CHECK(DateOf("Title\nUpdated: 2021-10-15\nPublished: 2021-10-14\n") == "2021-10-14");
}

TEST_CASE("Dateline: a heading that ends in a date after a dash or a bar", "[text]") {
  CHECK(DateOf("WATCH GROUP\nPrisoner Update No. 14 \xE2\x80\x94 Monday, 11 March 2024\n\nText.\n") == "2024-03-11");
  CHECK(DateOf("Weekly Bulletin | March 3, 2024\nText.\n") == "2024-03-03");
  CHECK(DateOf("Case Digest -- 2024-03-03 09:00 GMT\n") == "2024-03-03");
  // Not a heading with more after its date, nor a month alone.
  CHECK(DateOf("Weekly Bulletin | March 3, 2024 edition two\n").empty());
  CHECK(DateOf("Weekly Bulletin \xE2\x80\x94 March 2024\n").empty());
  // Not before a dateline or a date line, nor a list item or a field that dates something else.
  CHECK(DateOf("Remembering Reshat Ametov \xE2\x80\x94 3 March 2014\n\nSIMFEROPOL, Crimea, March 4, 2024 \xE2\x80\x94 "
               "A court fined her.\n") == "2024-03-04");
  CHECK(DateOf("Case Digest \xE2\x80\x94 2 March 2024\nPublished: 11 March 2024\n") == "2024-03-11");
  CHECK(DateOf("Title\n- Detained \xE2\x80\x94 21 May 2018\n").empty());
  CHECK(DateOf("Title\nPhoto: RFE/RL archive | March 3, 2019\n").empty());
  CHECK(DateOf("Title\nBorn \xE2\x80\x94 4 June 1985\n").empty());
  CHECK(DateOf("Title\nLast updated \xE2\x80\x94 20 March 2024\n").empty());
  // Not a sentence that ends in a date.
  CHECK(DateOf("Title\nThe court, which sat for two days in the capital, adjourned - until March 3, 2024.\n").empty());
}

TEST_CASE("Dateline: prose, a month alone and dates far down are no publication date", "[text]") {
  CHECK(DateOf("Title\n\nALMATY, Kazakhstan -- Police detained five people on March 3, 2021.\n").empty());
  CHECK(DateOf("Title\n\nMarch 3, 2021 was the day police came.\n").empty());
  CHECK(DateOf("Title\n\nALMATY, March 2021 --\n").empty());
  CHECK(DateOf("Title\n\nALMATY, March 3, 2021 the police came.\n").empty());
  CHECK(DateOf("Title\n\nalmaty, March 3, 2021 --\n").empty());
  CHECK(DateOf("Title\n\nFive Relatives Of Detainees Fined, March 3, 2021 --\n").empty());
  // A timeline after the first paragraph of prose.
  CHECK(DateOf("Title\n\nHer husband was jailed in 2020 and died in prison on Friday, his family said.\n\n"
               "March 3, 2019\nHe was detained.\n")
            .empty());
  std::string late = "Title\n";
  for (int i = 0; i < 8; ++i) late += "A line of prose.\n";
  CHECK(DateOf(late + "March 3, 2021\n").empty());
}

}  // namespace
}  // namespace kith
