#include "package/zip_writer.hpp"

#include <zip.h>

#include <ctime>
#include <memory>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "model/error.hpp"

namespace dutylist::package {
namespace {

// 2020-01-01T00:00:00Z, so that the same input gives the same bytes.
constexpr time_t fixed_mtime = 1577836800;

void add_entry(zip_t* archive, const ZipEntry& entry, ZipMethod method, const std::string& what) {
    zip_source_t* s = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
    const zip_int64_t index = s ? zip_file_add(archive, entry.path.c_str(), s, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
        if (s) zip_source_free(s);
        throw Error(fmt::format(fmt::runtime(_("cannot create {} (adding {} failed)")), _(what.c_str()), entry.path));
    }
    const auto i = static_cast<zip_uint64_t>(index);
    if (method == ZipMethod::store && zip_set_file_compression(archive, i, ZIP_CM_STORE, 0) != 0)
        throw Error(fmt::format(fmt::runtime(_("cannot create {} (storing {} failed)")), _(what.c_str()), entry.path));
    zip_file_set_mtime(archive, i, fixed_mtime, 0);
}

// The bytes libzip wrote into the buffer source on closing the archive.
std::string contents(zip_source_t* buffer, const std::string& what) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(buffer, &st) != 0 || zip_source_open(buffer) != 0) throw Error(fmt::format(fmt::runtime(_("cannot create {}")), _(what.c_str())));
    std::string out(st.size, '\0');
    const zip_int64_t n = zip_source_read(buffer, out.data(), st.size);
    zip_source_close(buffer);
    if (n != static_cast<zip_int64_t>(st.size)) throw Error(fmt::format(fmt::runtime(_("cannot create {}")), _(what.c_str())));
    return out;
}

}  // namespace

std::string write_zip(const std::vector<ZipEntry>& entries, const std::string& what, ZipMethod method) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
    zip_error_fini(&error);
    if (!archive) {
        if (buffer) zip_source_free(buffer);
        throw Error(fmt::format(fmt::runtime(_("cannot create {} (out of memory?)")), _(what.c_str())));
    }
    // Kept past zip_close, which would otherwise free the buffer holding the result.
    zip_source_keep(buffer);
    std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(buffer, zip_source_free);
    try {
        for (const auto& entry : entries) add_entry(archive, entry, method, what);
    } catch (const Error&) {
        zip_discard(archive);
        throw;
    }
    if (zip_close(archive) != 0) {
        zip_discard(archive);
        throw Error(fmt::format(fmt::runtime(_("cannot create {} (compression failed)")), _(what.c_str())));
    }
    return contents(buffer, what);
}

}  // namespace dutylist::package
