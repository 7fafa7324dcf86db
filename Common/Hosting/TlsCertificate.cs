using System.Security.Cryptography.X509Certificates;

namespace CloudFs.Common.Hosting;

/// <summary>The listener's certificate from <c>Server:TlsCertificate</c> and <c>Server:TlsKey</c> (PEM files).</summary>
public static class TlsCertificate
{
    /// <summary>The certificate with its private key, or null when the server speaks plain HTTP.</summary>
    /// <exception cref="InvalidOperationException">A file is missing or holds no usable certificate and key.</exception>
    public static X509Certificate2? Load(ServerOptions server)
    {
        if (string.IsNullOrEmpty(server.TlsCertificate))
        {
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPemFile(server.TlsCertificate, string.IsNullOrEmpty(server.TlsKey) ? null : server.TlsKey);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            // Options validation runs after Kestrel is configured, so say exactly what is wrong here.
            throw new InvalidOperationException(
                $"Server:TlsCertificate {server.TlsCertificate} (key {server.TlsKey ?? "in the same file"}) could not be loaded: {ex.Message}", ex);
        }
    }
}
