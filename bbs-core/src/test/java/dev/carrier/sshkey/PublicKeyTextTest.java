package dev.carrier.sshkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A pasted key line: what is taken, and why the rest is refused. */
class PublicKeyTextTest {

    @Test
    void aKeyLineIsReadWithItsCommentAndFingerprint() {
        String line = TestKeys.ed25519("alice@laptop");
        PublicKeyText key = PublicKeyText.parse("  " + line + "\n");
        assertEquals("ssh-ed25519", key.type());
        assertEquals("alice@laptop", key.comment());
        assertTrue(key.fingerprint().matches("SHA256:[A-Za-z0-9+/]{43}"), key.fingerprint());
        assertEquals(line.substring(0, line.lastIndexOf(' ')), key.keyLine());
    }

    @Test
    void anRsa4096LineFitsTheLongestLineAPromptMustTake() {
        String line = TestKeys.rsa(4096, "x".repeat(300));
        assertTrue(line.length() < PublicKeyText.MAX_LINE, line.length() + " characters");
        assertEquals(100, PublicKeyText.parse(line).comment().length(), "comments are kept to 100 characters");
    }

    @Test
    void aKeyCutAnywhereIsRefusedEvenWhenWhatIsLeftDecodes() {
        String blob = TestKeys.rsa(2048, "").split(" ")[1];
        for (int cut = 8; cut < blob.length(); cut += 4) { // whole base64 quads: each decodes cleanly
            String shorter = "ssh-rsa " + blob.substring(0, cut);
            assertThrows(IllegalArgumentException.class, () -> PublicKeyText.parse(shorter), shorter);
        }
        byte[] longer = Base64.getDecoder().decode(TestKeys.ed25519("").split(" ")[1]);
        byte[] trailing = Arrays.copyOf(longer, longer.length + 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PublicKeyText.parse("ssh-ed25519 " + Base64.getEncoder().encodeToString(trailing)));
        assertTrue(e.getMessage().contains("cut short or damaged"), e.getMessage());
    }

    @Test
    void aBlobOfAnotherTypeIsRefused() {
        String blob = TestKeys.ed25519("").split(" ")[1];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PublicKeyText.parse("ssh-rsa " + blob));
        assertTrue(e.getMessage().contains("does not match its type ssh-rsa"), e.getMessage());
    }
}
