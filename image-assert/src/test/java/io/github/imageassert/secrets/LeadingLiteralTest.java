package io.github.imageassert.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LeadingLiteralTest {

    @ParameterizedTest(name = "{0} starts every match with ''{1}''")
    @CsvSource(delimiter = '~', ignoreLeadingAndTrailingWhitespace = false, value = {
            "-----BEGIN (((?:RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?)-----~-----BEGIN ",
            "://[^:/\\s]+:[^@\\s]+@~://",
            "\"auth\"\\s*:\\s*\"[^\"]+\"~\"auth\"",
            "ab*c~a",
            "ab?c~a",
            "ab{0,2}c~a",
            "ab+c~ab",
            "ab(c|d)~ab",
            "ab[|]c~ab",
            "abc|def~''",
            "ab(c)|d~''",
            "\\Q[\\E|abc~''",
            "(?i)abc~''",
            "(?m)^password~''",
            "[a-z]bc~''",
            ".abc~''",
            "\\Qtok3n\\E~tok3n",
    })
    void theLiteralEveryMatchStartsWith(String regex, String literal) {
        assertThat(LeadingLiteral.of(Pattern.compile(regex))).isEqualTo(literal);
    }

    @Test
    void flagsThatChangeWhatMatchesLeaveNoLiteral() {
        assertThat(LeadingLiteral.of(Pattern.compile("abc", Pattern.CASE_INSENSITIVE))).isEmpty();
        assertThat(LeadingLiteral.of(Pattern.compile("a b c", Pattern.COMMENTS))).isEmpty();
        assertThat(LeadingLiteral.of(Pattern.compile("a|b", Pattern.LITERAL))).isEqualTo("a|b");
        assertThat(LeadingLiteral.of(Pattern.compile(Pattern.quote("a\\Eb")))).isEmpty();
        assertThat(LeadingLiteral.of(null)).isEmpty();
    }

    @Test
    void noTextWithAMatchLacksTheLiteral() {
        // GIVEN patterns of every shape above and texts built from their own pieces, so that matches are common
        List<String> regexes = List.of("ab*c", "ab+c", "ab?c", "ab{0,2}c", "ab(c|d)", "abc|bcd", "a[bc]+d",
                "-----BEGIN (RSA )?PRIVATE KEY-----", "://[^:]+:[^@]+@");
        SplittableRandom r = new SplittableRandom(7);
        String pieces = "abcd-BEGIN RSAPRIVATEKEY:/@x ";
        int matched = 0;
        for (String regex : regexes) {
            Pattern p = Pattern.compile(regex);
            String literal = LeadingLiteral.of(p);
            for (int i = 0; i < 20_000; i++) {
                StringBuilder text = new StringBuilder();
                int n = r.nextInt(1, 12);
                for (int k = 0; k < n; k++) {
                    text.append(r.nextInt(4) == 0 ? "-----BEGIN " : "://u:p@".substring(0, r.nextInt(8)));
                    text.append(pieces.charAt(r.nextInt(pieces.length())));
                }
                if (p.matcher(text).find()) {
                    matched++;
                    // THEN wherever the pattern matches, the literal is in the text
                    assertThat(text.toString()).as("%s in %s", regex, text).contains(literal);
                }
            }
        }
        assertThat(matched).as("texts that matched").isGreaterThan(1_000);
    }
}
