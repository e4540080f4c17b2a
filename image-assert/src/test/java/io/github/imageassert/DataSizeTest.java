package io.github.imageassert;

import io.github.imageassert.image.DataSize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataSizeTest {

    @Test
    void decimalAndBinaryUnits() {
        assertThat(DataSize.parse("150 MB").bytes()).isEqualTo(150_000_000L);
        assertThat(DataSize.parse("150MB").bytes()).isEqualTo(150_000_000L);
        assertThat(DataSize.parse("150 MiB").bytes()).isEqualTo(150L << 20);
        assertThat(DataSize.parse("1.5 GB").bytes()).isEqualTo(1_500_000_000L);
        assertThat(DataSize.parse("512 B").bytes()).isEqualTo(512L);
        assertThat(DataSize.parse("512").bytes()).isEqualTo(512L);
        assertThat(DataSize.parse("10 kB").bytes()).isEqualTo(10_000L);
        assertThat(DataSize.parse("2 KiB").bytes()).isEqualTo(2048L);
    }

    @Test
    void formatsInTheUnitTheUserWrote() {
        assertThat(DataSize.parse("150 MB").format(152_310_000L)).isEqualTo("152.31 MB");
        assertThat(DataSize.parse("150 MiB").format(150L << 20)).isEqualTo("150 MiB");
        assertThat(DataSize.parse("150 MB")).hasToString("150 MB");
        assertThat(DataSize.human(1_234_567)).isEqualTo("1.23 MB");
    }

    @Test
    void rejectsWhatIsNotASize() {
        assertThatThrownBy(() -> DataSize.parse("big")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a size: 'big'. Write it like \"150 MB\", \"150MiB\", \"1.5 GB\" or \"512 B\"");
        assertThatThrownBy(() -> DataSize.parse("10 XB")).isInstanceOf(IllegalArgumentException.class);
    }
}
