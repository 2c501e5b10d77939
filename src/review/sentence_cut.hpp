// Where a paragraph of a list's cell may begin and end, for the self-check that finds rows cut
// in the wrong place (review/self_check.hpp). Pure functions over one paragraph's text.
#pragma once

#include <string>
#include <string_view>

namespace dutylist::review {

// The text's code points, for the rules here and for quoting a paragraph's ends.
std::u32string code_points(std::string_view text);

// The paragraph ends a sentence or a closed phrase: its last character is sentence-final
// punctuation (。；！？… and their ASCII forms) or a closing bracket or quote.
bool ends_sentence(std::string_view paragraph);

// The paragraph begins with a character no Chinese sentence or line begins with: the pause
// and end marks and closing brackets and quotes that the line-breaking rules (GB/T 15834,
// 禁则) keep off a line's start (、，。；：！？…）》」』】”’ and their ASCII forms), or a
// lower-case Latin letter. Such a start is the rest of a sentence cut in two.
bool starts_mid_sentence(std::string_view paragraph);

// The number of a paragraph numbered as a duty in a list ("1." "2、" "3．" "（4）" "(5)" "六、"
// "（七）"); 0 when it is not numbered so.
int item_number(std::string_view paragraph);

}  // namespace dutylist::review
