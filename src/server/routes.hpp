// The server's routes: GET / (the page), GET /healthz, POST /api/convert, /api/inspect,
// /api/diff and /api/review, and the token check in front of /api/. Each conversion reads its uploads into a
// private folder, waits for its turn in the job queue and answers with the bytes or a JSON error.
#pragma once

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace dutylist::server {

struct ServeOptions;
class JobQueue;

void add_routes(httplib::Server& http, const ServeOptions& options, JobQueue& jobs);

// Whether the request may go on, judged from its header before any of the body is read: else
// it is answered, 413 when its Content-Length is past the upload limit, 401 when a token is set
// and an /api/ request does not send "Authorization: Bearer <token>".
bool admit_request(const httplib::Request& request, httplib::Response& response, const ServeOptions& options);

}  // namespace dutylist::server
