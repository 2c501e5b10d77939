#include "cli/parse_errors.hpp"

#include <regex>

#include <fmt/format.h>

#include "i18n/catalogue.hpp"

namespace dutylist::cli {
namespace {

// The part of a CLI11 message that `pattern` captures, or "" when the message is worded otherwise.
std::string captured(const std::string& message, const char* pattern) {
    std::smatch match;
    return std::regex_search(message, match, std::regex(pattern)) ? match[1].str() : "";
}

// "9.000000" → "9", "10.500000" → "10.5": CLI11 prints a range's ends with six decimals.
std::string plain_number(std::string number) {
    if (number.find('.') == std::string::npos) return number;
    while (number.ends_with('0')) number.pop_back();
    if (number.ends_with('.')) number.pop_back();
    return number;
}

std::string with(const char* format, const std::string& value) { return fmt::format(fmt::runtime(_(format)), value); }

// CLI11 names a missing positional argument by its name in the code; a clerk is told what to give.
std::string missing(const std::string& name) {
    if (name == "inputs") return _("no file given: name the files or folders to read (- reads standard input)");
    if (name == "old") return _("no files given: diff takes two versions of a list, the earlier one first");
    if (name == "new") return _("the revised version is missing: diff takes two versions of a list, the earlier one first");
    return with(N_("{} is missing: it is required"), name);
}

}  // namespace

std::string parse_error_message(const CLI::ParseError& error) {
    // By type, not by get_name(): CLI11 names an error of a subcommand after the subcommand.
    const std::string message = error.what();
    if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
        const std::string extras = captured(message, R"(not expected: (.*)$)");
        if (!extras.empty()) return with(N_("not understood: {} (an unknown option, or more arguments than the command takes)"), extras);
    }
    if (dynamic_cast<const CLI::RequiredError*>(&error)) {
        if (message.starts_with("A subcommand")) return _("no command given: convert, inspect, validate, diff or serve");
        const std::string name = captured(message, R"(^(.*) is required$)");
        if (!name.empty()) return missing(name);
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
        const std::string name = captured(message, R"(^([^:]+): .*(missing|required))");
        if (!name.empty()) return with(N_("{} needs a value"), name);
    }
    if (dynamic_cast<const CLI::ValidationError*>(&error) || dynamic_cast<const CLI::ConversionError*>(&error)) {
        const std::string name = captured(message, R"(^(-[^:]+):)");
        // CheckedTransformer says "Check VALUE value in {…} FAILED", IsMember "VALUE not in {…}".
        std::string value = captured(message, R"(^-[^:]+: Check (.*) value in)");
        if (value.empty()) value = captured(message, R"(^-[^:]+: (.*) not in \{)");
        if (!name.empty() && !value.empty())
            return fmt::format(fmt::runtime(_("{} does not take \"{}\" (--help lists its values)")), name, value);
        std::smatch range;
        if (std::regex_search(message, range, std::regex(R"(^-[^:]+: Value (.*) not in range ([0-9.]+) to ([0-9.]+))")))
            return fmt::format(fmt::runtime(_("{} takes a number from {} to {}, not \"{}\"")), name, plain_number(range[2].str()),
                               plain_number(range[3].str()), range[1].str());
        if (!name.empty()) return fmt::format(fmt::runtime(_("the value given to {} is not allowed ({})")), name, message.substr(name.size() + 2));
    }
    if (dynamic_cast<const CLI::RequiresError*>(&error)) return with(N_("an option needs another one with it: {}"), message);
    if (dynamic_cast<const CLI::ExcludesError*>(&error)) return with(N_("options that cannot go together: {}"), message);
    return with(N_("the command line cannot be read: {}"), message);
}

}  // namespace dutylist::cli
