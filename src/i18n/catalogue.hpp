// Translated messages: a reader of GNU .mo catalogues and the one place that decides, from the
// environment, which language the program speaks. The catalogue is read by this code, not by
// glibc's gettext, because glibc ignores LANGUAGE unless a zh_CN locale is generated, and most
// machines clerks use (and containers) have none.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dutylist::i18n {

// The messages of one .mo file, English message → translation.
class Catalogue {
public:
    Catalogue() = default;
    // Reads a compiled catalogue (either byte order). Throws dutylist::Error when the bytes are
    // not a .mo file or its tables point outside it. Context and plural entries are skipped.
    static Catalogue parse(std::string_view bytes);
    // The translation of `english`, or nullptr when the catalogue has none.
    const std::string* find(std::string_view english) const;
    const std::map<std::string, std::string, std::less<>>& messages() const { return messages_; }

private:
    std::map<std::string, std::string, std::less<>> messages_;
};

// The language the environment asks for, in gettext's order (LANGUAGE, LC_ALL, LC_MESSAGES,
// LANG; the first set and not empty decides): "zh_CN" when it names Chinese, "" otherwise.
std::string language_from_environment();

// Where the catalogue of `language` may be, in order: next to the executable (the build tree:
// ./locale and ../locale; an installed tree: ../share/locale), then under the install prefix.
std::vector<std::filesystem::path> catalogue_candidates(const std::string& language);

// Chooses the language from the environment and loads its catalogue, once, before any thread
// starts. With no catalogue found (or English asked for) messages stay English; a damaged
// catalogue is reported on stderr and ignored.
void use_language_of_environment();

// Replaces the catalogue in use (tests; the CLI calls use_language_of_environment). Earlier
// results of _() point into the old catalogue and must not be used after.
void use_catalogue(Catalogue catalogue);

// The catalogue of `language` ("zh_CN") from catalogue_candidates, or an empty one (English)
// when there is none. Throws Error when the file found is damaged.
Catalogue load_catalogue(const std::string& language);

// The language of one thread rather than of the program: the server answers each request in
// its client's language while other requests run beside it. Until the thread sets one (or
// after it sets nullptr), _() speaks the program's language. The catalogue must outlive every
// result of _() that it gave.
void use_thread_catalogue(const Catalogue* catalogue);
const Catalogue* thread_catalogue();

// The language an HTTP Accept-Language header prefers among the two we speak: "zh_CN", "en",
// or "" when it names neither (or is empty), which leaves the program's.
std::string language_from_accept_language(std::string_view header);

}  // namespace dutylist::i18n

namespace dutylist {

// The message in the language in use: the English text itself when it has no translation. The
// pointer stays valid for the life of the program.
const char* _(const char* english);

// Marks a message that is kept in a constant and translated where it is used, by _(); xgettext
// finds it by this name (-kN_).
constexpr const char* N_(const char* english) { return english; }

}  // namespace dutylist
