// The server's routes: GET / (the page), GET /healthz, POST /api/convert, /api/inspect and
// /api/diff, and the token check in front of /api/. Each conversion reads its uploads into a
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

// Whether the request may go on: true for the page, and for /api/ when no token is set or
// "Authorization: Bearer <token>" names it; else answers 401.
bool token_accepted(const httplib::Request& request, httplib::Response& response, const ServeOptions& options);

}  // namespace dutylist::server
