import { Document, Packer, Paragraph, TextRun, Bookmark, PageReference, HeadingLevel, TableOfContents } from 'docx';
import { writeFileSync } from 'node:fs';
const doc = new Document({ sections: [{ children: [
  new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3' }),
  new Paragraph({ children: [new TextRun('See page '), new PageReference('bm1'), new TextRun(' for it.')] }),
  new Paragraph({ pageBreakBefore: true, children: [new TextRun('page 2')] }),
  new Paragraph({ pageBreakBefore: true, children: [new TextRun('page 3')] }),
  new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new Bookmark({ id: 'bm1', children: [new TextRun('Target heading')] })] }),
] }] });
writeFileSync('/tmp/rep/t.docx', await Packer.toBuffer(doc));
