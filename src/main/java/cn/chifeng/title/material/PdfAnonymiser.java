package cn.chifeng.title.material;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import cn.chifeng.title.common.ApiException;

/**
 * EVA-5: what an anonymised copy carries besides its pages is removed — the document information (author, title,
 * creator, producer, dates, custom keys) and the XMP metadata stream — so that a name left in the file's properties
 * never reaches an expert. The pages themselves are the applicant's to anonymise and the office's to check.
 */
final class PdfAnonymiser {
    private PdfAnonymiser() {
    }

    static byte[] strip(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.isEncrypted()) {
                throw ApiException.invalid("file", "匿名件不能加密，请上传未加密的 PDF");
            }
            doc.setDocumentInformation(new PDDocumentInformation());
            doc.getDocumentCatalog().setMetadata(null);
            doc.getDocument().getTrailer().removeItem(org.apache.pdfbox.cos.COSName.ID);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.invalid("file", "PDF 文件无法读取：" + e.getMessage());
        }
    }
}
