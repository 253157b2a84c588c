/** A file answered by the server as base64 (an xlsx export, a stored evidence file). */
export interface Base64File {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/** The bytes of a base64 text. */
export function base64Bytes(contentBase64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
}

/** Offers a file answered as base64 through the browser's download, under its own name. */
export function downloadFile(file: Base64File): void {
  const url = URL.createObjectURL(new Blob([base64Bytes(file.contentBase64)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A local file as base64 (without the `data:` prefix), reporting the reading's progress (0-1). */
export function readFileBase64(file: Blob, onProgress?: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      onProgress?.(1);
      const result = String(reader.result ?? '');
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
