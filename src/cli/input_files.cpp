#include "cli/input_files.hpp"

#include <algorithm>
#include <system_error>

#include <fmt/format.h>

#include "format_registry.hpp"
#include "i18n/catalogue.hpp"

namespace dutylist::cli {
namespace fs = std::filesystem;
namespace {

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return !b.empty() && fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

// In a folder only the files a reader is meant for are taken, so that images, spreadsheets and
// our own CSV/HTML outputs lying beside the lists are not reported as failures, only named as
// skipped.
void walk(const fs::path& root, const fs::path& dir, const fs::path& output_dir, FoundInputs& found) {
    std::error_code ec;
    std::vector<fs::path> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(it->path());
    if (ec) {
        found.failures.push_back({dir.string(), fmt::format(fmt::runtime(_("the folder cannot be read ({})")), ec.message())});
        return;
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& path : entries) {
        if (path.filename().string().starts_with(".")) continue;
        std::error_code kind_ec;
        if (fs::is_symlink(path, kind_ec) && fs::is_directory(path, kind_ec)) continue;
        if (fs::is_directory(path, kind_ec)) {
            if (!same_file(path, output_dir)) walk(root, path, output_dir, found);
        } else if (fs::is_regular_file(path, kind_ec) && has_reader_extension(path.filename().string())) {
            found.files.push_back({path.string(), path.parent_path().lexically_relative(root)});
        } else if (fs::is_regular_file(path, kind_ec)) {
            found.skipped.push_back({path.string(), _("not a duty list format")});
        }
    }
}

}  // namespace

FoundInputs find_inputs(const std::vector<std::string>& given, const fs::path& output_dir) {
    FoundInputs found;
    for (const auto& input : given) {
        std::error_code ec;
        if (input != "-" && fs::is_directory(input, ec)) {
            const size_t before = found.files.size(), failures = found.failures.size();
            walk(input, input, output_dir, found);
            if (found.files.size() == before && found.failures.size() == failures)
                found.failures.push_back(
                    {input, fmt::format(fmt::runtime(_("is a folder with no file called {} in it")), reader_extension_patterns())});
        } else {
            found.files.push_back({input, ""});
        }
    }
    return found;
}

}  // namespace dutylist::cli
