/**
 * Reading a common transfer file's XML into a tree of elements for core's `readCtf`. The XML is
 * checked first, so a broken file is refused with the line of its first problem; a DOCTYPE (which a
 * CTF never has) is refused, and entities are never expanded, so a file cannot reach outside itself.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '@tandem/core';
import { decodeCsvFile } from '../../platform/csv';

function refuse(message: string, userMessage: string): AppError {
  return new AppError('bad_request', message, { userMessage });
}

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: true,
  // Every value stays text: a UPN or a phone number is not a number, and "0123" keeps its zero.
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  trimValues: true,
});

/** The file's XML as a tree of elements; refuses anything that is not well-formed XML. */
export function readCtfXml(bytes: Uint8Array): unknown {
  // The same decoding as a CSV file: UTF-8 with or without a byte-order mark, UTF-16, Windows-1252.
  const text = decodeCsvFile(bytes).replace(/^\uFEFF/, '');
  if (!text.trimStart().startsWith('<')) {
    throw refuse(
      'ctf not xml',
      'This file is not XML, so it is not a common transfer file. Choose the .xml file your MIS exported as a CTF.',
    );
  }
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw refuse(
      'ctf with doctype',
      'This file declares a document type (<!DOCTYPE>), which a common transfer file never has. Export the CTF from your MIS again.',
    );
  }
  // fast-xml-parser 5 points to its separate fast-xml-validator package, which is not installed;
  // its own validator is the same code and still exported.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw refuse(
      `ctf xml invalid (${valid.err.code})`,
      `The file is not well-formed XML: line ${String(valid.err.line)}, column ${String(valid.err.col)}: ${valid.err.msg} Export the CTF from your MIS again; nothing has been imported.`,
    );
  }
  return parser.parse(text) as unknown;
}
