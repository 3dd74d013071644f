package dev.gosetup.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window icon: every size the jar claims to carry is there, is a PNG of that size, and reaches the stage. */
@ExtendWith(ApplicationExtension.class)
class IconResourcesTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.getIcons().setAll(GoSetupApp.windowIcons());
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void eachIconResourceIsAPngOfItsStatedSize() throws IOException {
        assertThat(GoSetupApp.ICON_SIZES).containsExactly(16, 32, 48, 64, 128, 256);
        for (int size : GoSetupApp.ICON_SIZES) {
            String resource = GoSetupApp.iconResource(size);
            try (InputStream raw = GoSetupApp.class.getResourceAsStream(resource)) {
                assertThat(raw).as(resource).isNotNull();
                DataInputStream in = new DataInputStream(raw);
                byte[] signature = in.readNBytes(8);
                assertThat(signature).as(resource + " signature").isEqualTo(PNG_SIGNATURE);
                // The first chunk is IHDR: length 13, type, then width and height as big-endian ints.
                assertThat(in.readInt()).as(resource + " IHDR length").isEqualTo(13);
                assertThat(new String(in.readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("IHDR");
                assertThat(in.readInt()).as(resource + " width").isEqualTo(size);
                assertThat(in.readInt()).as(resource + " height").isEqualTo(size);
                assertThat(in.readUnsignedByte()).as(resource + " bit depth").isEqualTo(8);
                assertThat(in.readUnsignedByte()).as(resource + " colour type (6 = RGBA)").isEqualTo(6);
            }
        }
    }

    @Test
    void theStageCarriesEverySizeDecodedWithoutError() {
        List<Image> icons = stage.getIcons();
        assertThat(icons).hasSize(GoSetupApp.ICON_SIZES.size());
        assertThat(icons).noneMatch(Image::isError);
        assertThat(icons.stream().map(i -> (int) i.getWidth()).toList()).isEqualTo(GoSetupApp.ICON_SIZES);
        assertThat(icons.stream().map(i -> (int) i.getHeight()).toList()).isEqualTo(GoSetupApp.ICON_SIZES);
    }

    @Test
    void theIconIsNotBlankItsCornerIsTransparentAndItsCentreOpaque() {
        Image big = stage.getIcons().getLast();
        int argbCorner = big.getPixelReader().getArgb(0, 0);
        int argbCentre = big.getPixelReader().getArgb(128, 128);
        assertThat(argbCorner >>> 24).as("corner alpha, outside the rounded tile").isZero();
        assertThat(argbCentre >>> 24).as("centre alpha, inside the tile").isEqualTo(255);
    }
}
