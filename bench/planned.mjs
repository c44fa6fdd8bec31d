// The scenarios issue 7 asks for, with the route each one drives (paths from issues 4, 5 and 6). Until a
// `scenarios/<name>.mjs` of the same name exists, the runner lists each as "not yet available" (its route is
// missing) or "not written" (the route exists: the scenario file is the work left). A scenario file wins.
export const planned = [
  {
    name: "book-detail",
    title: "GET /v1/books/{isbn}, random ISBNs",
    order: 3,
    baseline: "B1",
    route: { method: "GET", path: "/v1/books/{isbn}", example: "/v1/books/9780261102217" },
  },
  {
    name: "search",
    title: "search: exact title, typo, author, ISBN",
    order: 4,
    baseline: "B1",
    route: { method: "GET", path: "/v1/books", example: "/v1/books?q=hobbit" },
  },
  {
    name: "browse",
    title: "category browse with filters",
    order: 5,
    baseline: "B1",
    route: { method: "GET", path: "/v1/books", example: "/v1/books?category=fiction" },
  },
  {
    name: "cart-add",
    title: "add to cart, many users",
    order: 6,
    baseline: "B2",
    route: { method: "POST", path: "/v1/cart/items" },
  },
  {
    name: "checkout",
    title: "checkout + simulated payment, distinct listings",
    order: 7,
    baseline: "B2",
    route: { method: "POST", path: "/v1/checkout" },
  },
  {
    name: "flash-sale",
    title: "flash sale: 500 buyers, one 1-copy listing",
    order: 8,
    baseline: "B2",
    route: { method: "POST", path: "/v1/checkout" },
  },
  {
    name: "search-scale",
    title: "search at 10,000 vs 100,000 editions",
    order: 9,
    baseline: "B1",
    route: { method: "GET", path: "/v1/books", example: "/v1/books?q=hobbit" },
  },
];
