package io.github.imageassert.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
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

    @Test
    void aLiteralOccursInBytesWhereItOccursInTheirText() {
        // GIVEN texts of bytes over the whole ISO-8859-1 range, cut at every length, and literals found in them or nearly
        SplittableRandom r = new SplittableRandom(11);
        byte[] alphabet = {'-', 'B', 'E', 'G', 'I', 'N', ' ', 'a', (byte) 0xE9, (byte) 0xFF, 0};
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[r.nextInt(0, 40)];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = alphabet[r.nextInt(alphabet.length)];
            }
            // a literal of 1 to 11 characters with repeats (as in "-----BEGIN "): cut from the text half the time
            byte[] chars = new byte[r.nextInt(1, 12)];
            int from = bytes.length >= chars.length && r.nextBoolean() ? r.nextInt(bytes.length - chars.length + 1) : -1;
            for (int k = 0; k < chars.length; k++) {
                chars[k] = from >= 0 ? bytes[from + k] : alphabet[r.nextInt(alphabet.length)];
            }
            String literal = new String(chars, StandardCharsets.ISO_8859_1);
            int length = r.nextInt(0, bytes.length + 1);
            boolean expected = new String(bytes, 0, length, StandardCharsets.ISO_8859_1).contains(literal);
            found += expected ? 1 : 0;
            // THEN the byte search says what String.contains says of the same text, never looking past the length
            assertThat(new LeadingLiteral.Finder(literal).occursIn(bytes, length)).as("%s in %s[0, %d)", literal,
                    Arrays.toString(bytes), length).isEqualTo(expected);
        }
        assertThat(found).as("texts holding their literal").isGreaterThan(1_000);
        // AND a literal with a character past U+00FF is in no text read one byte per character
        assertThat(new LeadingLiteral.Finder("\u20ac").occursIn(new byte[] {(byte) 0xE2, (byte) 0x82, (byte) 0xAC}, 3)).isFalse();
    }

    @Test
    void aRuleFindsInBytesWhatItFindsInTheirText() throws Exception {
        SecretRule key = SecretRules.defaults().rules().stream().filter(rule -> rule.id().equals("private-key")).findFirst().orElseThrow();
        SecretRule token = SecretRule.text("build-token", "tok3n-\u00e9");
        String pem = TestKeys.pem("PRIVATE KEY", TestKeys.generate("EC", new ECGenParameterSpec("secp256r1")).getPrivate().getEncoded());
        for (String text : List.of(pem, "no key here", "-----BEGIN PUBLIC KEY-----\nabc\n", "x tok3n-\u00e9 y", "tok3n-e", "")) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            for (SecretRule rule : List.of(key, token)) {
                for (int length : new int[] {bytes.length, bytes.length / 2}) {
                    assertThat(rule.find(bytes, length)).as("%s in %s[0, %d)", rule.id(), text, length)
                            .isEqualTo(rule.find(text.substring(0, length)));
                }
            }
        }
        assertThat(key.find(pem.getBytes(StandardCharsets.ISO_8859_1), pem.length())).isPresent();
        assertThat(token.find("x tok3n-\u00e9 y".getBytes(StandardCharsets.ISO_8859_1), 11)).isPresent();
    }
}
