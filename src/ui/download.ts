/** Offers a file made on this device for download (no network: a blob URL, revoked after use). */
export function downloadFile(fileName: string, mimeType: string, content: BlobPart): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], { type: mimeType }));
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
