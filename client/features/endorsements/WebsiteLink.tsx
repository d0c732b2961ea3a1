/** An organisation's website, shown without the scheme; opened in a new tab, without handing it this page. */
export function WebsiteLink({ url }: { url: string }) {
  // Only http(s) reaches the server's schema, but a link is never built from anything else.
  if (!/^https?:\/\//i.test(url)) return <>{url}</>
  return (
    <a href={url} rel="noopener noreferrer" target="_blank">
      {url.replace(/^https?:\/\//i, '').replace(/\/$/, '')}
    </a>
  )
}
