// Receiving a multipart form: the files of the fields asked for are streamed into the request's
// private folder as they arrive (an upload is never held twice in memory, nor written anywhere
// else), under their field's name; the name the browser sent is kept only as text.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "reader.hpp"

namespace httplib {
struct Request;
struct Response;
class ContentReader;
}  // namespace httplib

namespace dutylist::server {

class UploadFolder;

struct Upload {
    std::string name;  // the browser's file name made safe (safe_file_name), for messages and outputs
    std::filesystem::path path;  // in the upload folder, named after the field
};

// Every field of `fields` that the form holds; other fields are read and dropped. Throws
// HttpError: 400 when the body is not a multipart form or a field is missing or empty, 413 past
// the server's upload limit (httplib stops reading there).
std::map<std::string, Upload> receive_uploads(const httplib::Request& request, httplib::Response& response,
                                              const httplib::ContentReader& reader, const UploadFolder& folder,
                                              const std::vector<std::string>& fields);

// The upload's bytes, named as the browser named it. Throws Error.
InputFile load_upload(const Upload& upload, size_t max_bytes);

// The last component of a name that may hold a path ("C:\\x\\清单.pdf", "../../etc/passwd"),
// without control characters, at most max_name_bytes, never empty, "." or "..".
std::string safe_file_name(std::string_view sent);
inline constexpr size_t max_name_bytes = 200;  // far beyond a real list's name; a header stays short

}  // namespace dutylist::server
