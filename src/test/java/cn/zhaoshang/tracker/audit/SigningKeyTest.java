package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    @Test
    void a_key_file_is_read_back_as_the_key_it_holds_and_its_signatures_verify() throws Exception {
        SigningKey key = SigningKey.generate();

        SigningKey read = SigningKey.of(key.privateKeyBase64(), key.publicKey());

        assertThat(read.id()).isEqualTo(key.id()).isEqualTo(VerifyExport.idOf(key.publicKey()));
        assertThat(VerifyExport.verify(
                        read.publicKey(), "tracker-checkpoint\n1\nabc", read.sign("tracker-checkpoint\n1\nabc")))
                .isTrue();
        assertThat(VerifyExport.verify(
                        read.publicKey(), "tracker-checkpoint\n2\nabc", read.sign("tracker-checkpoint\n1\nabc")))
                .isFalse();
    }

    @Test
    void a_key_file_whose_public_key_is_another_key_s_is_refused() {
        SigningKey one = SigningKey.generate();
        SigningKey other = SigningKey.generate();

        assertThatThrownBy(() -> SigningKey.of(one.privateKeyBase64(), other.publicKey()))
                .isInstanceOf(GeneralSecurityException.class)
                .hasMessageContaining("does not belong");
    }
}
