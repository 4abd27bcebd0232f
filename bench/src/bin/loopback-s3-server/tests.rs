//! The server's framing, tested without a socket (and over an in-memory pipe).

use super::*;

#[test]
fn parses_heads() {
    let head = parse_head(b"GET /bench?list-type=2&prefix=logs%2F HTTP/1.1\r\nHost: a\r\n\r\n");
    assert_eq!(
        head,
        Ok(Head {
            method: Method::Get,
            list: true,
            body: Framing::Length(0),
            close: false,
            expect_continue: false,
        })
    );
    let put = parse_head(
        b"PUT /bench/object.bin?x-id=PutObject HTTP/1.1\r\ncontent-length: 42\r\n\
          Expect: 100-continue\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(
        put,
        Ok(Head {
            method: Method::Put,
            list: false,
            body: Framing::Length(42),
            close: true,
            expect_continue: true,
        })
    );
    // Chunked wins over a Content-Length; HTTP/1.0 closes by default.
    let chunked =
        parse_head(b"PUT /b/k HTTP/1.0\r\nContent-Length: 9\r\nTransfer-Encoding: chunked\r\n\r\n")
            .expect("a chunked head");
    assert_eq!((chunked.body, chunked.close), (Framing::Chunked, true));
    // `list-type=2` only counts in the query, as a whole parameter.
    let get = parse_head(b"GET /bench/list-type=2 HTTP/1.1\r\n\r\n").expect("a GET head");
    assert!(!get.list);
    let get = parse_head(b"GET /bench?xlist-type=2 HTTP/1.1\r\n\r\n").expect("a GET head");
    assert!(!get.list);
    assert_eq!(parse_head(b"GET / HTTP/1.1\r\nbad\r\n\r\n"), Err(()));
    assert_eq!(parse_head(b"GET / HTTP/2\r\n\r\n"), Err(()));
    assert_eq!(
        parse_head(b"PUT / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n"),
        Err(())
    );
    assert_eq!(find_head_end(b"GET / HTTP/1.1\r\n\r\nNEXT", 0), Some(18));
    assert_eq!(find_head_end(b"GET / HTTP/1.1\r\n\r\nNEXT", 14), Some(18));
    assert_eq!(find_head_end(b"GET / HTTP/1.1\r\n\r", 0), None);
}

/// A chunked body as aws-chunked uploads look inside it (extensions,
/// a trailer), followed by the next request's first bytes.
const CHUNKED: &[u8] = b"5;chunk-signature=abc\r\nhello\r\n10 \r\n0123456789abcdef\r\n\
0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n";

#[test]
fn skips_a_chunked_body_split_anywhere() {
    let with_next = [CHUNKED, b"GET /"].concat();
    // In one piece: the body's end is found, the next request's bytes left.
    let mut whole = ChunkedSkipper::default();
    assert_eq!(whole.feed(&with_next).expect("valid"), CHUNKED.len());
    assert!(whole.is_done());
    // Split in two at every point, and fed one byte at a time.
    for split in 0..with_next.len() {
        let mut chunks = ChunkedSkipper::default();
        let first = chunks.feed(&with_next[..split]).expect("valid");
        assert_eq!(first, split.min(CHUNKED.len()));
        let second = chunks.feed(&with_next[split..]).expect("valid");
        assert_eq!(first + second, CHUNKED.len(), "split at {split}");
        assert!(chunks.is_done());
    }
    let mut bytewise = ChunkedSkipper::default();
    let used: usize = with_next
        .chunks(1)
        .map(|b| bytewise.feed(b).expect("valid"))
        .sum();
    assert_eq!(used, CHUNKED.len());
    // Data longer than its size, and a size that is no number.
    assert!(ChunkedSkipper::default().feed(b"2\r\nabc\r\n").is_err());
    assert!(ChunkedSkipper::default().feed(b"zz\r\n").is_err());
}

/// Drives `serve` over an in-memory pipe: pipelined requests (a chunked
/// PUT split across writes, a sized PUT, a listing, a HEAD, a GET of an
/// object longer than one block) answered in order, the body bytes of
/// one never read as the head of the next.
#[test]
fn serves_pipelined_requests_in_order() {
    let size = BLOCK as u64 + 5;
    let answers = Answers::leak(size);
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let received = rt.block_on(async move {
        let (client, server) = tokio::io::duplex(16 * 1024);
        let server = tokio::spawn(serve(server, answers));
        let (mut read, mut write) = tokio::io::split(client);
        let writer = tokio::spawn(async move {
            let chunked_head = b"PUT /bench/object.bin HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
            let (a, b) = CHUNKED.split_at(20);
            let rest = [
                b,
                b"PUT /bench/object.bin HTTP/1.1\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\nabc",
                b"GET /bench?list-type=2 HTTP/1.1\r\n\r\n",
                b"HEAD /bench/object.bin HTTP/1.1\r\n\r\n",
                b"GET /bench/object.bin HTTP/1.1\r\nConnection: close\r\n\r\n",
            ]
            .concat();
            write.write_all(&[&chunked_head[..], a].concat()).await?;
            write.flush().await?;
            tokio::task::yield_now().await;
            write.write_all(&rest).await?;
            write.flush().await?;
            io::Result::Ok(write)
        });
        let mut received = Vec::new();
        read.read_to_end(&mut received).await.expect("read the answers");
        server.await.expect("server task").expect("served");
        drop(writer.await.expect("writer task").expect("wrote"));
        received
    });
    let mut at = 0;
    let mut next = |expect_body: bool| -> (String, usize) {
        let end = find_head_end(&received, at).expect("a response head");
        let head = String::from_utf8_lossy(&received[at..end]).into_owned();
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("Content-Length: "))
            .map_or(0, |v| v.trim().parse().expect("a length"));
        at = end + if expect_body { length } else { 0 };
        (head, length)
    };
    assert!(next(true).0.contains("ETag: \"bench\""));
    assert!(next(false).0.starts_with("HTTP/1.1 100 Continue"));
    assert!(next(true).0.contains("ETag: \"bench\""));
    let (list, length) = next(true);
    assert!(list.contains("Content-Type: application/xml"));
    assert_eq!(length, list_objects_v2_page().len());
    assert!(next(false).0.contains(&format!("Content-Length: {size}")));
    let (get, length) = next(true);
    assert!(get.contains("application/octet-stream"));
    assert_eq!(length as u64, size);
    assert_eq!(at, received.len());
    assert_eq!(received[received.len() - 5..], answers.block[..5]);
}
