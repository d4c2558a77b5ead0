// The store images are fetched with the bearer token, so the browser gets them as blobs: saved through a temporary
// link, or shown through an object URL (the CSP allows img-src blob:).

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export const qrFileName = (code: string) => `${code}.png`
export const posterFileName = (code: string) => `${code}-poster.png`
