package com.aggpay.merchant.kyc;

import com.aggpay.merchant.web.ApiException;
import com.aggpay.merchant.web.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Licence images on disk, outside the database. An upload is accepted only when its bytes are a PNG or JPEG that
 * an image reader can open (the declared type and the file name are ignored), within the size and pixel limits.
 * Files get random names, so no name a merchant chose ever reaches the file system.
 */
@Component
@EnableConfigurationProperties(KycProperties.class)
public class KycLicences {

    /** A licence scan never needs more; a bigger header is a decompression bomb or not a licence. */
    static final int MAX_PIXELS_PER_SIDE = 12_000;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final Pattern STORED_NAME = Pattern.compile("[a-z0-9_]{1,40}-[0-9a-f]{32}\\.(png|jpg)");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A checked image: its type by content, its bytes and their SHA-256. */
    public record Image(String contentType, byte[] bytes, String sha256) {
    }

    private final Path dir;
    private final long maxBytes;

    public KycLicences(KycProperties properties) throws IOException {
        this.dir = Path.of(properties.licenceDir()).toAbsolutePath().normalize();
        this.maxBytes = properties.licenceMaxSize().toBytes();
        Files.createDirectories(dir);
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** 400 {@code param: "file"} unless the bytes are a readable PNG or JPEG within the limits. */
    public Image check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "The licence image is empty.", "file");
        }
        if (bytes.length > maxBytes) {
            throw new ApiException(ErrorCode.BODY_TOO_LARGE, "The licence image is larger than "
                    + maxBytes / (1024 * 1024) + " MB.", "file");
        }
        String type = startsWith(bytes, PNG) ? "image/png" : startsWith(bytes, JPEG) ? "image/jpeg" : null;
        if (type == null) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The licence must be a PNG or JPEG image (checked by its content).", "file");
        }
        requireReadable(bytes, type);
        return new Image(type, bytes, sha256(bytes));
    }

    /** Writes the image under a new random name (complete or not at all) and returns that name. */
    public String store(String merchantId, Image image) {
        String name = merchantId.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "-" + randomHex()
                + ("image/png".equals(image.contentType()) ? ".png" : ".jpg");
        try {
            Path partial = Files.createTempFile(dir, "upload-", ".part");
            Files.write(partial, image.bytes());
            Files.move(partial, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a licence image in " + dir, e);
        }
    }

    public byte[] read(String name) {
        try {
            return Files.readAllBytes(resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read licence image " + name, e);
        }
    }

    /** After the row points at a newer file: the old one goes. A failure only leaves an orphan file behind. */
    public void deleteQuietly(String name) {
        if (name == null) {
            return;
        }
        try {
            Files.deleteIfExists(resolve(name));
        } catch (IOException | IllegalArgumentException e) {
            // nothing refers to it any more; an operator's clean-up can take it
        }
    }

    private Path resolve(String name) {
        if (!STORED_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a stored licence name");
        }
        return dir.resolve(name);
    }

    private static void requireReadable(byte[] bytes, String type) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                String format = reader.getFormatName().toLowerCase();
                boolean sameType = type.equals("image/png") ? format.equals("png") : format.startsWith("jp");
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (!sameType || width < 1 || height < 1 || width > MAX_PIXELS_PER_SIDE
                        || height > MAX_PIXELS_PER_SIDE) {
                    throw unreadable();
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw unreadable();
        }
    }

    private static ApiException unreadable() {
        return new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "The licence image cannot be read as a PNG or JPEG of at most " + MAX_PIXELS_PER_SIDE + " pixels a side.",
                "file");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String randomHex() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
