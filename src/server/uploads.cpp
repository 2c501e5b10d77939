#include "server/uploads.hpp"

#include <httplib.h>

#include <algorithm>
#include <fstream>
#include <optional>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"
#include "io/files.hpp"
#include "server/http_reply.hpp"
#include "server/upload_folder.hpp"

namespace dutylist::server {

std::string safe_file_name(std::string_view sent) {
    const size_t slash = sent.find_last_of("/\\");
    if (slash != std::string_view::npos) sent.remove_prefix(slash + 1);
    std::string name;
    for (unsigned char c : sent)
        if (c >= 0x20 && c != 0x7F) name += static_cast<char>(c);
    if (name.size() > max_name_bytes) {
        size_t cut = max_name_bytes;
        // Never end inside a UTF-8 sequence: back up over continuation bytes.
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
        name.resize(cut);
    }
    if (name.empty() || name == "." || name == "..") return "upload";
    return name;
}

std::map<std::string, Upload> receive_uploads(const httplib::Request& request, httplib::Response& response,
                                              const httplib::ContentReader& reader, const UploadFolder& folder,
                                              const std::vector<std::string>& fields) {
    if (!request.is_multipart_form_data())
        throw HttpError{400, fmt::format(fmt::runtime(_("send the file as a form upload (multipart/form-data) in the field \"{}\"")), fields.front())};
    std::map<std::string, Upload> uploads;
    std::optional<std::ofstream> current;
    bool written = true;
    const bool read = reader(
        [&](const httplib::MultipartFormData& part) {
            current.reset();
            if (std::find(fields.begin(), fields.end(), part.name) == fields.end()) return true;
            Upload upload{safe_file_name(part.filename), folder.path() / part.name};
            current.emplace(upload.path, std::ios::binary | std::ios::trunc);
            uploads[part.name] = std::move(upload);
            return written = current->good();
        },
        [&](const char* data, size_t length) {
            if (current) written = current->write(data, static_cast<std::streamsize>(length)).good();
            return written;
        });
    current.reset();
    if (response.status == 413) throw HttpError{413, _("the file is larger than this server accepts")};
    if (!written) throw HttpError{507, _("the server has no room to store the upload")};
    if (!read) throw HttpError{400, _("the upload was cut off or is not a well-formed form")};
    for (const auto& field : fields) {
        auto found = uploads.find(field);
        std::error_code ec;
        if (found == uploads.end() || std::filesystem::file_size(found->second.path, ec) == 0 || ec)
            throw HttpError{400, fmt::format(fmt::runtime(_("no file in the form field \"{}\"")), field)};
    }
    return uploads;
}

InputFile load_upload(const Upload& upload, size_t max_bytes) {
    InputFile input = read_input(upload.path.string(), max_bytes);
    input.name = upload.name;
    return input;
}

}  // namespace dutylist::server
