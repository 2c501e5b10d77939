// Runs a fuzz target over files without libFuzzer, so that every build (plain and ASan+UBSan)
// replays the kept crashing inputs and the seeds as a ctest test. Arguments are files or
// folders; a folder that does not exist is skipped (a target may have no regressions yet), but
// replaying nothing at all is a failure.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fs = std::filesystem;

namespace {

size_t replay(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << "replay: cannot read " << file << '\n';
        std::exit(2);
    }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        fs::path arg = argv[i];
        if (fs::is_directory(arg)) {
            std::vector<fs::path> files;
            for (const auto& entry : fs::recursive_directory_iterator(arg))
                if (entry.is_regular_file() && entry.path().filename().string()[0] != '.') files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            for (const auto& f : files) count += replay(f);
        } else if (fs::is_regular_file(arg)) {
            count += replay(arg);
        }
    }
    std::cout << "replayed " << count << " inputs\n";
    if (count == 0) {
        std::cerr << "replay: no inputs found\n";
        return 1;
    }
    return 0;
}
