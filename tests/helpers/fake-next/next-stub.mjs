// Stands in for Next.js: answers every request with the headers the app would see.
export default function next() {
  return {
    prepare: async () => undefined,
    getRequestHandler: () => (request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(request.headers));
    },
  };
}
