package cn.chifeng.title.certificate;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.pdf.PdfContentByte;

/** The QR code of a text drawn into a PDF as black squares (vector, sharp at any print size), no image. */
final class QrCode {
    /** Modules of white space the QR standard asks for around the code. */
    static final int QUIET_ZONE = 4;

    private final BitMatrix modules;

    private QrCode(BitMatrix modules) {
        this.modules = modules;
    }

    static QrCode of(String text) {
        try {
            // size 0: one bit per module; error correction M survives a smudge or a fold of a printed page
            return new QrCode(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8")));
        } catch (WriterException e) {
            throw new IllegalArgumentException("二维码无法生成: " + text, e);
        }
    }

    /** Modules per side, quiet zone excluded. */
    int size() {
        return modules.getWidth();
    }

    boolean dark(int x, int y) {
        return modules.get(x, y);
    }

    /** Draws the code with its lower left corner (quiet zone included) at (x, y), {@code side} points wide. */
    void draw(PdfContentByte canvas, float x, float y, float side) {
        int n = size();
        float m = side / (n + 2 * QUIET_ZONE);
        float left = x + QUIET_ZONE * m;
        float top = y + side - QUIET_ZONE * m;
        canvas.saveState();
        canvas.setRGBColorFill(0, 0, 0);
        for (int row = 0; row < n; row++) {
            int col = 0;
            while (col < n) {
                if (!modules.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < n && modules.get(col, row)) {
                    col++;
                }
                // one rectangle per run of dark modules in a row
                canvas.rectangle(left + start * m, top - (row + 1) * m, (col - start) * m, m);
            }
        }
        canvas.fill();
        canvas.restoreState();
    }
}
