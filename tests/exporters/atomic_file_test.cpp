#include "exporters/atomic_file.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "tests/store/test_support.h"

namespace kith {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

std::vector<std::string> Entries(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  REQUIRE(d != nullptr);
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

AtomicWriteOptions Fast() {
  AtomicWriteOptions options;
  options.sync = false;
  return options;
}

TEST_CASE("WriteFileAtomically creates and replaces a file", "[exporters]") {
  testing::TempDir dir;
  const std::string path = dir.File("out.json");
  REQUIRE(WriteFileAtomically(path, "first").ok());
  CHECK(ReadFile(path) == "first");
  const std::string big(300000, 'x');  // several write chunks
  REQUIRE(WriteFileAtomically(path, big + std::string("\0end", 4)).ok());
  CHECK(ReadFile(path) == big + std::string("\0end", 4));
  REQUIRE(WriteFileAtomically(path, "").ok());
  CHECK(ReadFile(path).empty());
  CHECK(Entries(dir.path()) == std::vector<std::string>{"out.json"});
}

TEST_CASE("WriteFileAtomically keeps the old file when a write fails", "[exporters]") {
  testing::TempDir dir;
  const std::string path = dir.File("out.json");
  REQUIRE(WriteFileAtomically(path, "old contents", Fast()).ok());
  for (std::size_t fail_at : {std::size_t{0}, std::size_t{5}, std::size_t{70000}}) {
    AtomicWriteOptions options = Fast();
    options.fail_after_bytes = fail_at;
    Status s = WriteFileAtomically(path, std::string(100000, 'n'), options);
    INFO("fail after " << fail_at << ": " << s.ToString());
    CHECK(s.code() == StatusCode::kIoError);
    CHECK(s.file() == path);
    CHECK(s.ToString().find(path) != std::string::npos);
    CHECK(ReadFile(path) == "old contents");
    CHECK(Entries(dir.path()) == std::vector<std::string>{"out.json"});  // no temporary file left
  }
}

TEST_CASE("WriteFileAtomically names the path when it cannot write there", "[exporters]") {
  testing::TempDir dir;
  Status missing_dir = WriteFileAtomically(dir.File("no/such/dir/out.json"), "x", Fast());
  CHECK(missing_dir.code() == StatusCode::kIoError);
  CHECK(missing_dir.ToString().find("no/such/dir/out.json") != std::string::npos);

  // A directory in the way: the rename fails and the temporary file goes.
  REQUIRE(mkdir(dir.File("taken").c_str(), 0755) == 0);
  Status taken = WriteFileAtomically(dir.File("taken"), "x", Fast());
  CHECK(taken.code() == StatusCode::kIoError);
  CHECK(taken.ToString().find("taken") != std::string::npos);
  CHECK(Entries(dir.path()) == std::vector<std::string>{"taken"});

  CHECK(WriteFileAtomically("", "x").code() == StatusCode::kIoError);
}

TEST_CASE("WriteFileAtomically keeps the permissions of the file it replaces", "[exporters]") {
  testing::TempDir dir;
  const std::string path = dir.File("out.json");
  REQUIRE(WriteFileAtomically(path, "a", Fast()).ok());
  struct stat st;
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0644);
  REQUIRE(chmod(path.c_str(), 0600) == 0);
  REQUIRE(WriteFileAtomically(path, "b", Fast()).ok());
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("AtomicFile streams text to the file and shows it only at Commit", "[exporters]") {
  testing::TempDir dir;
  const std::string path = dir.File("out.txt");
  REQUIRE(WriteFileAtomically(path, "old", Fast()).ok());
  const std::string line(1000, 'x');
  {
    AtomicFile file(Fast());
    REQUIRE(file.Open(path).ok());
    for (int i = 0; i < 3000; ++i) file.Append(line);  // several chunks
    file.AppendInt(-5);
    CHECK(ReadFile(path) == "old");
    REQUIRE(file.Commit().ok());
    CHECK(file.Commit().code() == StatusCode::kInternal);  // once only
  }
  std::string expected;
  for (int i = 0; i < 3000; ++i) expected += line;
  CHECK(ReadFile(path) == expected + "-5");
  CHECK(Entries(dir.path()) == std::vector<std::string>{"out.txt"});
}

TEST_CASE("AtomicFile keeps the old file when dropped or when a streamed write fails", "[exporters]") {
  testing::TempDir dir;
  const std::string path = dir.File("out.txt");
  REQUIRE(WriteFileAtomically(path, "old", Fast()).ok());
  {
    AtomicFile file(Fast());
    REQUIRE(file.Open(path).ok());
    file.Append(std::string(3 << 20, 'n'));
  }  // never committed
  CHECK(ReadFile(path) == "old");
  CHECK(Entries(dir.path()) == std::vector<std::string>{"out.txt"});

  AtomicWriteOptions failing = Fast();
  failing.fail_after_bytes = 1 << 20;
  AtomicFile file(failing);
  REQUIRE(file.Open(path).ok());
  for (int i = 0; i < 3; ++i) file.Append(std::string(1 << 20, 'n'));  // the second chunk fails
  const Status s = file.Commit();
  CHECK(s.code() == StatusCode::kIoError);
  CHECK(s.file() == path);
  CHECK(ReadFile(path) == "old");
  CHECK(Entries(dir.path()) == std::vector<std::string>{"out.txt"});

  AtomicFile unopened(Fast());
  unopened.Append("lost");
  CHECK_FALSE(unopened.Commit().ok());
  AtomicFile nowhere(Fast());
  CHECK(nowhere.Open(dir.File("no/such/dir/out.txt")).code() == StatusCode::kIoError);
  nowhere.Append("lost");
  CHECK(nowhere.Commit().code() == StatusCode::kIoError);
}

}  // namespace
}  // namespace kith
